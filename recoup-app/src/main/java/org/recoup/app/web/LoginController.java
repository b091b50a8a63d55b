package org.recoup.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles {@code POST /login} and {@code POST /logout}. */
@Hidden // UI, not part of the public API document
@Controller
class LoginController {

    private final long lockMinutes;

    LoginController(@Value("${recoup.security.login-throttle.window:15m}") Duration throttleWindow) {
        this.lockMinutes = Math.max(1, throttleWindow.toMinutes());
    }

    /** {@code ?locked}: the login throttle refused the last attempt; the page says how long to wait. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", lockMinutes);
        return "web/login";
    }
}
