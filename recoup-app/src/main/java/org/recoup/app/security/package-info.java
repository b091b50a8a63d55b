/** Users, roles, password hashing, HTTP Basic for the API and form login for the UI. */
package org.recoup.app.security;
