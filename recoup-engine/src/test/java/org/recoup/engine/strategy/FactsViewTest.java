package org.recoup.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recoup.engine.segmentation.CaseBuilder.aCase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The facts view: CEL-typed values, and every variable documented for strategy authors. */
class FactsViewTest {

    @Test
    void valuesHaveTheirCelJavaTypes() {
        StrategyFacts f = aCase().dpd(12).openPromise(2).deceased().strategyFacts();
        for (FactsView.Variable v : FactsView.variables()) {
            Object value = FactsView.value(v.name(), f);
            if (value == null) {
                continue;
            }
            switch (v.type().name()) {
                case "int" -> assertThat(value).as(v.name()).isInstanceOf(Long.class);
                case "double" -> assertThat(value).as(v.name()).isInstanceOf(Double.class);
                case "string" -> assertThat(value).as(v.name()).isInstanceOf(String.class);
                case "bool" -> assertThat(value).as(v.name()).isInstanceOf(Boolean.class);
                default -> assertThat(value).as(v.name()).isInstanceOf(List.class);
            }
        }
        assertThat(FactsView.value("segment.tags", f)).isEqualTo(List.of("DECEASED"));
        assertThat(FactsView.value("ptp.daysToDue", f)).isEqualTo(2L);
        assertThat(FactsView.value("payments.lastPaymentDaysAgo", f)).isNull();
    }

    @Test
    void everyVariableIsDocumentedForStrategyAuthors() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "strategies.md"));
        for (FactsView.Variable v : FactsView.variables()) {
            assertThat(guide).as("docs/strategies.md documents " + v.name()).contains("| `" + v.name() + "` |");
        }
    }
}
