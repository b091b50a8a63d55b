package org.recoup.app.performance;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The {@link ActionCosts} as versioned data ({@code business_config} kind {@code action-costs}). */
@Service
class ActionCostSettings {

    private final VersionedDocuments<ActionCosts> documents;

    ActionCostSettings(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.documents = new VersionedDocuments<>("action-costs", ActionCosts.class, ActionCosts::withVersion, jdbc,
                json, transactions);
    }

    ActionCosts current() {
        return documents.current();
    }

    List<Integer> versions() {
        return documents.versions();
    }

    ActionCosts version(int version) {
        return documents.version(version);
    }

    @Transactional
    ActionCosts save(String document, String user) {
        return documents.save(document, user);
    }
}
