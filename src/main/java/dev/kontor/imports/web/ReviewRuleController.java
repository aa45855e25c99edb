package dev.kontor.imports.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import dev.kontor.access.Actor;
import dev.kontor.imports.ReviewRuleSettings;
import dev.kontor.imports.ReviewRuleStore;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.web.Flash;
import dev.kontor.web.Formatting;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin → Import rules: which imported orders are approved at commit without review. */
@Controller
class ReviewRuleController {

    private final ReviewRuleStore rules;
    private final Markets markets;
    private final Flash flash;
    private final Formatting fmt;

    ReviewRuleController(ReviewRuleStore rules, Markets markets, Flash flash, Formatting fmt) {
        this.rules = rules;
        this.markets = markets;
        this.flash = flash;
        this.fmt = fmt;
    }

    @GetMapping("/settings/import-rules")
    String page(Model model) {
        ReviewRuleSettings current = rules.get();
        TreeSet<String> currencies = new TreeSet<>(current.maxTotals().keySet());
        markets.all().stream().map(Market::currency).forEach(currencies::add);
        currencies.add("CNY");
        Map<String, String> limits = new LinkedHashMap<>();
        for (String currency : currencies) {
            Long max = current.maxTotals().get(currency);
            limits.put(currency, max == null ? "" : fmt.decimal(max, currency));
        }
        model.addAttribute("rules", current);
        model.addAttribute("limits", limits);
        return "settings/import-rules";
    }

    @PostMapping("/settings/import-rules")
    String save(
            Actor actor,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean withoutBuyerMessage,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<String, String> limits = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("max.")) {
                limits.put(name.substring(4), value);
            }
        });
        if (flash.attempt(redirect, () -> rules.save(actor, enabled, withoutBuyerMessage, limits))) {
            flash.notice(redirect, "import.rules.saved");
        }
        return "redirect:/settings/import-rules";
    }
}
