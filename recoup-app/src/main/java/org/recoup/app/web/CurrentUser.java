package org.recoup.app.web;

import org.recoup.app.security.UserAccounts;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for the top bar: templates call {@code ${@currentUser.displayName()}}. */
@Component("currentUser")
public class CurrentUser {

    private final UserAccounts users;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

    CurrentUser(UserAccounts users) {
        this.users = users;
    }

    /** The signed-in user's display name (the user name when none is stored), or empty when nobody is signed in. */
    public String displayName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!trust.isAuthenticated(authentication)) {
            return "";
        }
        return users.displayNameOf(authentication.getName()).orElse(authentication.getName());
    }
}
