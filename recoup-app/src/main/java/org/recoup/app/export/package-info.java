/** Tables to files: every report table downloads as Excel (XLSX, fastexcel) or CSV (Commons CSV) from one shape. */
package org.recoup.app.export;
