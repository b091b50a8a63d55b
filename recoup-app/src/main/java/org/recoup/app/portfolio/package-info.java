/** The debt file: accounts, parties, roles, contact points, instalments and past contacts; CSV/XLSX/zip import with row-level errors. */
package org.recoup.app.portfolio;
