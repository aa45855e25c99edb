package dev.kontor.catalog.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Purchasing;
import dev.kontor.catalog.PurchasingLine;
import dev.kontor.catalog.PurchasingNotice;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.web.CsvAnswer;
import dev.kontor.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What to buy, as JSON or CSV, and notes for purchasing. */
@RestController
@RequestMapping("/api/purchasing")
@Tag(name = "Purchasing")
class PurchasingApiController {

    private final Purchasing purchasing;
    private final Catalog catalog;

    PurchasingApiController(Purchasing purchasing, Catalog catalog) {
        this.purchasing = purchasing;
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(
            summary = "The purchasing list",
            description = "Variants with backorders or at/below their threshold; "
                    + "toBuy = backordered + what brings available back to the threshold. Purchasing or supervisor.")
    List<PurchasingLine> list(Actor actor) {
        return purchasing.list(actor);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(
            summary = "The purchasing list as CSV",
            description = "The purchasing list (GET /api/purchasing) as CSV.")
    @CsvAnswer
    void export(Actor actor, HttpServletResponse response) throws IOException {
        purchasing.writeCsv(actor, Downloads.csv(response, null)); // closes the writer when done
    }

    @Schema(name = "PurchasingNoticeRequest")
    record NoticeRequest(
            @Schema(example = "WLY0QU1098") String sku,
            @Schema(example = "20") Integer quantity,
            @Schema(example = "Customer asks every week") String note) {}

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/notices")
    @Operation(summary = "Tell purchasing to buy a variant", description = "Anyone signed in.")
    ResponseEntity<PurchasingNotice> notify(Actor actor, @RequestBody NoticeRequest request) {
        if (request.sku() == null || request.sku().isBlank()) {
            throw InvalidInputException.of("sku", "validation.required");
        }
        long variantId = catalog.variant(request.sku())
                .orElseThrow(() -> InvalidInputException.of("sku", "validation.sku.unknown", request.sku()))
                .id();
        PurchasingNotice notice = purchasing.notify(actor, variantId, request.quantity(), request.note());
        return ResponseEntity.created(URI.create("/api/purchasing/notices/" + notice.id()))
                .body(notice);
    }

    @GetMapping("/notices")
    @Operation(summary = "Recent notes for purchasing", description = "Open and done. Purchasing or supervisor.")
    List<PurchasingNotice> notices(Actor actor) {
        return purchasing.notices(actor);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT) // documents the status; the ResponseEntity sets it
    @PostMapping("/notices/{id}/done")
    @Operation(
            summary = "Mark a note done",
            description = "Purchasing marks a note to purchasing as dealt with; it leaves the open list.")
    ResponseEntity<Void> done(Actor actor, @PathVariable long id) {
        purchasing.done(actor, id);
        return ResponseEntity.noContent().build();
    }
}
