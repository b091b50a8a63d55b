/** The deterministic demo portfolio generator (shared with the benchmarks) and the first-start demo loader. */
package org.recoup.app.demo;
