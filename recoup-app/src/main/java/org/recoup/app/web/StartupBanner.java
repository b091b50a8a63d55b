package org.recoup.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Says where Recoup is and how to log in, once the server is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final JdbcClient jdbc;
    private final boolean adminPasswordConfigured;

    StartupBanner(JdbcClient jdbc, @Value("${recoup.admin.password:}") String adminPassword) {
        this.jdbc = jdbc;
        this.adminPasswordConfigured = !adminPassword.isBlank();
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        long accounts = jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
        boolean demoUsers = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username IN ('supervisor', 'agent')")
                .query(Long.class).single() == 2;
        StringBuilder b = new StringBuilder("\n\n  Recoup 回款 is running at http://localhost:" + port + "\n");
        b.append("  API docs: http://localhost:").append(port).append("/swagger-ui.html\n");
        b.append("  Log in as admin / ").append(adminPasswordConfigured
                ? "the password in RECOUP_ADMIN_PASSWORD" : "the password printed when admin was created").append('\n');
        if (demoUsers) {
            b.append("  Demo users (password demo1234): supervisor, lead, agent, agent2, senior, compliance, agency\n");
        }
        b.append("  Debt file: ").append(String.format("%,d", accounts)).append(" accounts\n");
        log.info(b.toString());
    }
}
