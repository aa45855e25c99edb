package dev.kontor.catalog.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogCsv;
import dev.kontor.catalog.Drift;
import dev.kontor.catalog.Holding;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Movement;
import dev.kontor.catalog.Product;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.ProductStatus;
import dev.kontor.catalog.StockFigures;
import dev.kontor.catalog.Supplier;
import dev.kontor.catalog.Variant;
import dev.kontor.catalog.VariantRow;
import dev.kontor.catalog.VariantStatus;
import dev.kontor.shared.NotFoundException;
import dev.kontor.shared.web.ETags;
import dev.kontor.web.CsvAnswer;
import dev.kontor.web.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Products, variants, stock and its ledger over HTTP. */
@RestController
@Tag(name = "Catalog and stock")
class CatalogApiController {

    private final Catalog catalog;
    private final Inventory inventory;
    private final CatalogCsv csv;

    CatalogApiController(Catalog catalog, Inventory inventory, CatalogCsv csv) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.csv = csv;
    }

    @Schema(name = "ProductResponse")
    record ProductResponse(
            long id, String code, String name, ProductStatus status, int version, List<Variant> variants) {
        static ProductResponse of(Product p) {
            return new ProductResponse(p.id(), p.code(), p.name(), p.status(), p.version(), p.variants());
        }
    }

    @ResponseStatus(HttpStatus.CREATED) // documents the status; the ResponseEntity sets it
    @PostMapping("/api/catalog/products")
    @Operation(
            summary = "Create a product with its variants",
            description = "Variant codes (SKUs) are unique across the catalog. Prices in minor units per ISO currency. "
                    + "A supplier named for the first time is created.")
    ResponseEntity<ProductResponse> create(Actor actor, @RequestBody ProductInput input) {
        Product p = catalog.create(actor, input);
        return ResponseEntity.created(URI.create("/api/catalog/products/" + p.id()))
                .eTag(ETags.of(p.version()))
                .body(ProductResponse.of(p));
    }

    @GetMapping("/api/catalog/products/{id}")
    @Operation(summary = "Get a product", description = "The ETag carries the version for If-Match.")
    ResponseEntity<ProductResponse> get(@PathVariable long id) {
        Product p = catalog.get(id);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(ProductResponse.of(p));
    }

    @PutMapping("/api/catalog/products/{id}")
    @Operation(
            summary = "Replace a product's name and variants",
            description =
                    "Send If-Match with the ETag you read; 412 when someone changed it meanwhile. A variant left out "
                            + "is removed, unless it has stock history (409: mark it discontinued instead).")
    ResponseEntity<ProductResponse> update(
            Actor actor,
            @PathVariable long id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @RequestBody ProductInput input) {
        Product p = catalog.update(actor, id, ETags.parseIfMatch(ifMatch), input);
        return ResponseEntity.ok().eTag(ETags.of(p.version())).body(ProductResponse.of(p));
    }

    @GetMapping("/api/catalog/variants")
    @Operation(
            summary = "The inventory list",
            description = "Search by code, number part (1098 finds WLY0QU1098), "
                    + "product name or attribute; filter by status or low stock.")
    List<VariantRow> variants(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) VariantStatus status,
            @RequestParam(defaultValue = "false") boolean low,
            @RequestParam(defaultValue = "100") int limit) {
        return catalog.find(q, status, low, Math.max(1, Math.min(limit, 1000)));
    }

    @Schema(name = "VariantStock")
    record VariantStock(Variant variant, StockFigures total, List<StockFigures> byLocation, List<Holding> holdings) {}

    @GetMapping("/api/catalog/variants/{sku}")
    @Operation(summary = "A variant's stock", description = "Totals, per location, and which orders hold it.")
    VariantStock variant(@PathVariable String sku) {
        Variant v = bySku(sku);
        return new VariantStock(v, inventory.total(v.id()), inventory.byLocation(v.id()), inventory.holdings(v.id()));
    }

    @GetMapping("/api/catalog/variants/{sku}/movements")
    @Operation(
            summary = "A variant's stock ledger",
            description = "Newest first; every change with who, why and the order.")
    List<Movement> movements(@PathVariable String sku, @RequestParam(defaultValue = "100") int limit) {
        return inventory.movements(bySku(sku).id(), Math.max(1, Math.min(limit, 1000)));
    }

    @Schema(name = "StockChange")
    record StockChange(
            @Schema(example = "WLY0QU1098") String sku,

            @Schema(description = "Location code; the default location when empty", example = "MAIN")
            String location,

            @Schema(description = "Units: positive for receipts and defects, ±change for adjustments", example = "12")
            Integer quantity,

            @Schema(description = "Delivery note for receipts; required reason for adjustments")
            String reason) {}

    @PostMapping("/api/stock/receipts")
    @Operation(
            summary = "Receive goods",
            description = "Warehouse or purchasing. Fills waiting backorders, oldest first.")
    StockFigures receive(Actor actor, @RequestBody StockChange change) {
        return inventory.receive(actor, change.sku(), change.location(), change.quantity(), change.reason());
    }

    @PostMapping("/api/stock/adjustments")
    @Operation(
            summary = "Correct a count",
            description =
                    "Warehouse or supervisor; a reason is required. " + "On hand never drops below what is reserved.")
    StockFigures adjust(Actor actor, @RequestBody StockChange change) {
        return inventory.adjust(actor, change.sku(), change.location(), change.quantity(), change.reason());
    }

    @PostMapping("/api/stock/defective")
    @Operation(summary = "Mark units defective", description = "Moves units from on hand to defective.")
    StockFigures defective(Actor actor, @RequestBody StockChange change) {
        return inventory.markDefective(actor, change.sku(), change.location(), change.quantity(), change.reason());
    }

    @GetMapping("/api/stock/check")
    @Operation(
            summary = "Check stock against its ledger",
            description = "Empty when every level equals the sum of its movements and its reservations.")
    List<Drift> check() {
        return inventory.check();
    }

    @GetMapping("/api/catalog/suppliers")
    @Operation(summary = "List suppliers", description = "Every supplier named on a variant, with its contact details.")
    List<Supplier> suppliers() {
        return catalog.suppliers();
    }

    @Schema(name = "SupplierRequest")
    record SupplierRequest(
            @Schema(example = "Zhejiang Linen Mill") String name,
            @Schema(example = "Chen Jing") String contactName,
            @Schema(example = "sales@linen.example") String email,
            @Schema(example = "+86 571 8888 0000") String phone,
            String address) {}

    @PutMapping("/api/catalog/suppliers/{id}")
    @Operation(
            summary = "Change a supplier's name and contact details",
            description = "Purchasing or supervisor. " + "Suppliers are created by naming them on a variant.")
    Supplier updateSupplier(Actor actor, @PathVariable long id, @RequestBody SupplierRequest request) {
        return catalog.updateSupplier(
                actor,
                new Supplier(
                        id,
                        request.name(),
                        request.contactName(),
                        request.email(),
                        request.phone(),
                        request.address()));
    }

    @GetMapping(value = "/api/catalog/export", produces = "text/csv")
    @Operation(summary = "The catalog as CSV", description = "One row per variant; the same columns import reads.")
    @CsvAnswer
    void export(HttpServletResponse response) throws IOException {
        csv.export(Downloads.csv(response, null)); // closes the writer when done
    }

    @PostMapping(value = "/api/catalog/import", consumes = "text/csv")
    @Operation(
            summary = "Import a catalog CSV",
            description = "Creates or updates products by code. Rows with problems "
                    + "are reported by line and column and skipped; the rest is saved.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description = "The catalog as Kontor exports it (GET /api/catalog/export): product_code, product_name, "
                    + "sku, attributes (key=value;…), status, allow_backorder, supplier, purchase_price, "
                    + "purchase_currency, low_stock_threshold, price_<currency>…",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = "string")))
    CatalogCsv.Report importCsv(Actor actor, HttpServletRequest request) throws IOException {
        return csv.importCsv(actor, new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
    }

    private Variant bySku(String sku) {
        return catalog.variant(sku).orElseThrow(() -> new NotFoundException("variant", sku));
    }
}
