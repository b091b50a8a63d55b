package org.recoup.app.analytics;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.recoup.engine.debt.Product;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overview page at {@code /}. An htmx request (the filter changed) gets only the {@code content} fragment; the
 * charts read {@code GET /ui/overview/data} with the same filter.
 */
@Hidden // UI, not part of the public API document
@Controller
class OverviewController {

    private static final List<String> PRODUCTS = Arrays.stream(Product.values()).map(Enum::name).toList();

    private final PortfolioOverviews overviews;
    private final MessageSource messages;

    OverviewController(PortfolioOverviews overviews, MessageSource messages) {
        this.overviews = overviews;
        this.messages = messages;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String portfolio, @RequestParam(required = false) String product,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
                    Model model, HttpServletResponse response) {
        OverviewFilter filter = new OverviewFilter(portfolio, product);
        model.addAttribute("overview", overviews.latest(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("dataUrl", dataUrl(filter));
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        if ("true".equals(htmx) && !"true".equals(historyRestore)) {
            return "analytics/overview :: content";
        }
        model.addAttribute("portfolios", overviews.portfolios());
        model.addAttribute("products", PRODUCTS);
        return "analytics/overview";
    }

    @GetMapping(value = "/ui/overview/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    OverviewData data(@RequestParam(required = false) String portfolio, @RequestParam(required = false) String product,
                      Locale locale) {
        PortfolioOverview overview = overviews.latest(new OverviewFilter(portfolio, product));
        Map<String, String> stageLabels = new LinkedHashMap<>();
        overview.currencies().stream().flatMap(c -> c.stages().stream()).map(Tally::name).distinct()
                .forEach(stage -> stageLabels.put(stage, messages.getMessage("stage." + stage, null, stage, locale)));
        return new OverviewData(overview, stageLabels);
    }

    private static String dataUrl(OverviewFilter filter) {
        return UriComponentsBuilder.fromPath("/ui/overview/data")
                .queryParamIfPresent("portfolio", Optional.ofNullable(filter.portfolio()))
                .queryParamIfPresent("product", Optional.ofNullable(filter.product()))
                .encode().build().toUriString();
    }
}
