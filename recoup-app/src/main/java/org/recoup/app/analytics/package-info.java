/** Management views: the portfolio overview (accounts and overdue amounts by bucket and stage). */
package org.recoup.app.analytics;
