/** The legal path (lawyer letter → mediation → lawsuit → judgment → enforcement) and the statute of limitations. */
package org.recoup.app.legal;
