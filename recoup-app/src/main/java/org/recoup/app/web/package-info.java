/** The web UI shell: layout, login page, language per user, static assets. */
package org.recoup.app.web;
