package org.recoup.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles {@code POST /login} and {@code POST /logout}. */
@Hidden // UI, not part of the public API document
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }
}
