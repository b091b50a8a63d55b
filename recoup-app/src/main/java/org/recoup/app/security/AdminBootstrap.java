package org.recoup.app.security;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure user {@code admin} exists: on first start its password is {@code RECOUP_ADMIN_PASSWORD}, or a generated
 * one that is printed once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts users;
    private final String configuredPassword;

    AdminBootstrap(UserAccounts users, @Value("${recoup.admin.password:}") String configuredPassword) {
        this.users = users;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = configuredPassword.isBlank() ? generated() : configuredPassword;
        if (users.createIfAbsent("admin", password, "Administrator", Role.ADMIN, "zh-CN")) {
            if (configuredPassword.isBlank()) {
                log.warn("Created user 'admin' with generated password: {}  (set RECOUP_ADMIN_PASSWORD to choose one)", password);
            } else {
                log.info("Created user 'admin' with the password from RECOUP_ADMIN_PASSWORD");
            }
        }
    }

    private static String generated() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
