/** Storage conventions every feature may use: rows written set-based into a table on the caller's connection (COPY on PostgreSQL, JDBC batches elsewhere). */
package org.recoup.app.storage;
