package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The YAML the app will load ({@code org/recoup/engine/strategy/consumer-default.yaml}) is the same document as
 * {@link DefaultStrategies#consumerDefault()}. The engine itself has no YAML parser in its API; this test reads the
 * file with SnakeYAML, which is on the classpath only because CEL depends on it.
 */
class ShippedYamlTest {

    @Test
    void theShippedYamlEqualsTheJavaDefinition() throws IOException {
        assertThat(load("consumer-default.yaml")).isEqualTo(DefaultStrategies.consumerDefault());
    }

    @Test
    void theShippedYamlCompiles() throws IOException {
        assertThat(StrategyCompiler.compile(load("consumer-default.yaml")).rules()).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static StrategyDocument load(String resource) throws IOException {
        try (InputStream in = StrategyDocument.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Rule> rules = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) doc.get("rules")) {
                Map<String, Object> then = (Map<String, Object>) r.get("then");
                rules.add(new Rule((String) r.get("id"), (String) r.get("when"),
                        new Treatment(Action.valueOf((String) then.get("action")), (Integer) then.get("priority"),
                                (String) then.get("script"), (String) then.get("template"), (String) then.get("tier")),
                        Boolean.TRUE.equals(r.get("always")), (String) r.get("cites")));
            }
            return new StrategyDocument((String) doc.get("id"), (Integer) doc.get("version"), rules);
        }
    }
}
