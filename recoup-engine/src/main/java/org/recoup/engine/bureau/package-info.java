/** Credit-bureau reporting: a file layout as data (fixed-width fields or CSV columns) and the writer that applies it. */
package org.recoup.engine.bureau;
