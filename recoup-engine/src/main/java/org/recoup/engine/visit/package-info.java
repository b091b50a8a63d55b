/**
 * Field visits: the region of an address (city and district) and the order of a day's visits within a region
 * (nearest next).
 */
package org.recoup.engine.visit;
