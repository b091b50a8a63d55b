/** The compliance gate every contact passes: profiles per jurisdiction and portfolio, holds, atomic contact recording, content lint and the verdict audit. */
package org.recoup.app.compliance;
