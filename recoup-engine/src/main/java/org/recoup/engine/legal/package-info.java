/**
 * The legal path: the statute of limitations of a debt (start, interruptions, stop by a lawsuit) and the order of the
 * steps of a legal matter (lawyer letter → mediation → lawsuit → judgment → enforcement).
 */
package org.recoup.engine.legal;
