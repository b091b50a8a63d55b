package org.recoup.app.dailyrun;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The simulation page at {@code /ui/simulation}: a strategy version against the one in force, per rule and segment. */
@Hidden // UI, not part of the public API document
@Controller
class SimulationPage {

    private final Simulations simulations;
    private final Clock clock;

    SimulationPage(Simulations simulations, Clock clock) {
        this.simulations = simulations;
        this.clock = clock;
    }

    /** One row of a comparison table: a rule or segment and an action, counted by each strategy. */
    record Row(String key, String action, long candidate, long current, long difference) {
    }

    @GetMapping("/ui/simulation")
    String form(Model model) {
        model.addAttribute("nav", "simulation");
        model.addAttribute("strategyId", "consumer-default");
        model.addAttribute("version", 1);
        model.addAttribute("asOf", LocalDate.now(clock).toString());
        return "dailyrun/simulation";
    }

    @PostMapping("/ui/simulation")
    String simulate(@RequestParam String strategyId, @RequestParam int version, @RequestParam String asOf, Model model) {
        model.addAttribute("nav", "simulation");
        model.addAttribute("strategyId", strategyId);
        model.addAttribute("version", version);
        model.addAttribute("asOf", asOf);
        try {
            Simulations.Result result = simulations.simulate(strategyId, version, LocalDate.parse(asOf));
            model.addAttribute("result", result);
            model.addAttribute("byRule", rows(result.candidate().byRule(), result.current().byRule()));
            model.addAttribute("bySegment", rows(result.candidate().bySegment(), result.current().bySegment()));
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "simulation.error.date");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", "simulation.error.version");
        }
        return "dailyrun/simulation";
    }

    static java.util.List<Row> rows(Map<String, Map<String, Long>> candidate, Map<String, Map<String, Long>> current) {
        TreeMap<String, TreeSet<String>> keys = new TreeMap<>();
        candidate.forEach((k, v) -> keys.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v.keySet()));
        current.forEach((k, v) -> keys.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v.keySet()));
        java.util.List<Row> rows = new java.util.ArrayList<>();
        keys.forEach((key, actions) -> actions.forEach(action -> {
            long a = candidate.getOrDefault(key, Map.of()).getOrDefault(action, 0L);
            long b = current.getOrDefault(key, Map.of()).getOrDefault(action, 0L);
            rows.add(new Row(key, action, a, b, a - b));
        }));
        return rows;
    }
}
