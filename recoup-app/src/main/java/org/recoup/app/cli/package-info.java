/** The command-line entry of the jar: recoup import | run | export | check, with progress output. */
package org.recoup.app.cli;
