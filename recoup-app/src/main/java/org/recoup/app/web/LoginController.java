package org.recoup.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles {@code POST /login} and {@code POST /logout}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
