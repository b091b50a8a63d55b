/** Write-off (charge-off) with reason codes, recoveries after charge-off, debt sale of a pool with its file, buyback. */
package org.recoup.app.writeoff;
