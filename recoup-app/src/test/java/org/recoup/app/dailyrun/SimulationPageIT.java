package org.recoup.app.dailyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.recoup.app.DebtFileFixture;
import org.recoup.app.IntegrationTest;
import org.recoup.app.web.Browser;

class SimulationPageIT extends IntegrationTest {

    @Test
    void theSimulationPageComparesAVersionWithTheStrategiesInForceInEnglishAndChinese() {
        new DebtFileFixture(jdbc).account(uniqueId("L")).installment(1, "2036-03-15", "800.00", "20.00", "0"); // dpd 5, no number: skip trace
        Browser english = new Browser(port);
        english.signIn("admin", ADMIN_PASSWORD);
        english.get("/");
        english.post("/ui/locale", Map.of("lang", "en"), Map.of("Referer", english.url("/")));

        Browser.Page form = english.get("/ui/simulation");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Strategy simulation", "name=\"strategyId\"", "name=\"asOf\"");

        Browser.Page result = english.post("/ui/simulation",
                Map.of("strategyId", "consumer-default", "version", "1", "asOf", "2036-03-20"));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("Actions by rule", "decided differently", "lost-contact-skip-trace", "SKIP_TRACE");

        Browser.Page unknown = english.post("/ui/simulation",
                Map.of("strategyId", "no-such-strategy", "version", "3", "asOf", "2036-03-20"));
        assertThat(unknown.body()).contains("No such strategy version.");

        english.post("/ui/locale", Map.of("lang", "zh-CN"), Map.of("Referer", english.url("/")));
        assertThat(english.get("/ui/simulation").body()).contains("策略模拟", "业务日期");
    }
}
