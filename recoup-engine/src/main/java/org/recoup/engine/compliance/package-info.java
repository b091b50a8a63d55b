/**
 * The compliance gate as pure functions (contract §5): may this contact happen at this instant, and if not, why and
 * when — {@link org.recoup.engine.compliance.ContactPolicy} over a {@link org.recoup.engine.compliance.JurisdictionProfile},
 * with the message check {@link org.recoup.engine.compliance.ContentLint} beside it.
 */
package org.recoup.engine.compliance;
