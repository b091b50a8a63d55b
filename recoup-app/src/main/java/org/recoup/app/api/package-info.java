/** API conventions shared by every feature: RFC 9457 problem details, the domain exception they are made from, OpenAPI metadata. */
package org.recoup.app.api;
