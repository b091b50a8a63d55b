/** Property and service fees: billing import, 滞纳金 late fees, 催款通知单 with signed receipts, collection-rate report. */
package org.recoup.app.property;
