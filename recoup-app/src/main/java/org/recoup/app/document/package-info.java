/** Documents of cases — generated PDFs (in Chinese or English, CJK font embedded) and uploaded files — kept with their SHA-256. */
package org.recoup.app.document;
