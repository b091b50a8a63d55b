/** The agent's workbench: the case 360 page, guided scripts, recording outcomes, promises and payment claims. */
package org.recoup.app.workbench;
