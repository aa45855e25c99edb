package dev.kontor.imports.web;

import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.imports.ReviewRuleSettings;
import dev.kontor.imports.ReviewRuleStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The shop's review rules for imported orders, over HTTP (admins change them). */
@RestController
@Tag(name = "Imports")
class ReviewRuleApiController {

    private final ReviewRuleStore rules;

    ReviewRuleApiController(ReviewRuleStore rules) {
        this.rules = rules;
    }

    /**
     * The rules to save.
     *
     * @param maxTotals per currency, the largest total approved without review, as people write amounts
     *     ({@code "CNY": "2000"}); blank: no limit
     */
    record RulesRequest(boolean enabled, boolean withoutBuyerMessage, Map<String, String> maxTotals) {}

    @GetMapping("/api/imports/review-rules")
    @Operation(summary = "Which imported orders skip review", description = "maxTotals in minor units per currency.")
    ReviewRuleSettings get(Actor actor) {
        return rules.get();
    }

    @PutMapping("/api/imports/review-rules")
    @Operation(summary = "Change which imported orders skip review", description = "Admins only.")
    ReviewRuleSettings save(Actor actor, @RequestBody RulesRequest request) {
        return rules.save(actor, request.enabled(), request.withoutBuyerMessage(), request.maxTotals());
    }
}
