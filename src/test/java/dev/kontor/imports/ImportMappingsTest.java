package dev.kontor.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldType;
import dev.kontor.imports.read.ImportFormat;
import dev.kontor.imports.read.ImportMapping;
import dev.kontor.orders.Orders;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Names;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Another system's export gets in through a column mapping made once from a sample. */
@KontorTest
class ImportMappingsTest {

    /** A WooCommerce-style export: one row per item, the order's fields repeated. */
    static final String WOO = """
            Order ID,Order Date,Billing Name,Email,Address 1,Postcode,City,Country,Order Total,Paid,SKU,Item Name,Qty,Item Cost
            5001,2026-12-03 09:30,Anna Berg,anna@example.com,Hauptstraße 12,50667,Köln,DE,64.70,yes,SHIRT-M,Linen shirt M,1,29.90
            5001,2026-12-03 09:30,Anna Berg,anna@example.com,Hauptstraße 12,50667,Köln,DE,64.70,yes,SHIRT-L,Linen shirt L,1,34.80
            5002,2026-12-03 10:00,Ola Nordmann,ola@example.no,Storgata 1,0155,Oslo,Norway,10.00,no,CAP,Cap,-1,10.00
            """;

    @LocalServerPort
    int port;

    @Autowired
    ImportMappings mappings;

    @Autowired
    ImportStaging staging;

    @Autowired
    ImportCommits commits;

    @Autowired
    Imports imports;

    @Autowired
    BulkJobWorker worker;

    @Autowired
    Orders orders;

    @Autowired
    Fixtures fixtures;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    private static Upload upload(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Upload(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    @Autowired
    dev.kontor.web.Messages messages;

    @Test
    void everyMappableFieldHasALabelAndAFieldName() {
        for (String field : ImportMapping.FIELDS) {
            assertThat(messages.find("import.field." + field)).as(field).isPresent();
            assertThat(messages.find("field.columns." + field)).as(field).isPresent();
        }
    }

    @Test
    void aSampleShowsItsColumnsAndRowsAndAFirstGuess() {
        ImportMappings.Sample sample = mappings.sample(lina, upload("woo.csv", WOO));
        assertThat(sample.header()).startsWith("Order ID", "Order Date", "Billing Name");
        assertThat(sample.rows()).hasSize(3);
        assertThat(mappings.guess(sample.header()))
                .containsEntry("externalId", "Order ID")
                .containsEntry("placedAt", "Order Date")
                .containsEntry("buyer", "Billing Name")
                .containsEntry("sku", "SKU")
                .containsEntry("quantity", "Qty");
    }

    @Test
    void filesWithTheMappedColumnsImportAndBadRowsSayWhy() {
        List<String> header = mappings.sample(lina, upload("woo.csv", WOO)).header();
        Map<String, String> columns = new java.util.LinkedHashMap<>(mappings.guess(header));
        columns.put("street", "Address 1");
        columns.put("unitPrice", "Item Cost");
        ImportMapping saved = mappings.save(lina, "WooCommerce", "WEBSHOP", "EUR", header, columns);
        assertThat(saved.columns()).containsEntry("paid", "Paid").containsEntry("total", "Order Total");

        long id = staging.stage(lina, List.of(upload("orders-2026-12-03.csv", WOO)), ImportChoice.NONE);
        ImportBatch batch = imports.get(lina, id);
        assertThat(batch.channel()).isEqualTo("WEBSHOP");
        assertThat(batch.files()).extracting(ImportFile::format).containsExactly(ImportFormat.GENERIC);
        assertThat(imports.problems(lina, id, "import.problem.quantity", 0, 10))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.column()).isEqualTo("Qty");
                    assertThat(p.line()).isEqualTo(4);
                });

        commits.commit(lina, id, null);
        worker.run();
        String number = orders.numbersByExternalId("WEBSHOP", List.of("5001")).get("5001");
        assertThat(number).isNotNull();
        assertThat(orders.byNumber(lina, number).orElseThrow().total().minor()).isEqualTo(6470);
        assertThat(imports.reconciliation(lina, id).imported()).isEqualTo(1);
    }

    @Autowired
    CustomFields customFields;

    static final String WITH_HALL = """
            Order ID,Order Date,Billing Name,Email,Address 1,Postcode,City,Country,Order Total,SKU,Item Name,Qty,Unit Price,Halle
            7001,2026-12-03 09:30,Anna Berg,anna@example.com,Hauptstraße 12,50667,Köln,DE,29.90,SHIRT-M,Linen shirt,1,29.90,h4
            7002,2026-12-03 09:40,Ola Nordmann,ola@example.no,Storgata 1,0155,Oslo,NO,10.00,CAP,Cap,1,10.00,h9
            7003,2026-12-03 09:50,Kari Holm,kari@example.no,Storgata 2,0155,Oslo,NO,10.00,CAP,Cap,1,10.00,
            """;

    @Test
    void aMappedCustomFieldIsReadCheckedAndKeptWithoutHoldingTheFileToRequiredFields() {
        Actor admin = fixtures.user("ada", Role.ADMIN);
        customFields.define(
                admin,
                new CustomFields.Definition(
                        "hall",
                        new Names(Map.of("en", "Hall", "de", "Halle")),
                        FieldType.CHOICE,
                        List.of(
                                new CustomField.Choice("h4", Names.of("Hall 4")),
                                new CustomField.Choice("h7", Names.of("Hall 7"))),
                        true,
                        true));
        List<String> header =
                mappings.sample(lina, upload("halls.csv", WITH_HALL)).header();
        Map<String, String> columns = mappings.guess(header);
        assertThat(columns).containsEntry("cf.hall", "Halle"); // by the field's German name
        ImportMapping saved = mappings.save(lina, "Halls", "WEBSHOP", "EUR", header, columns);
        assertThat(saved.columns()).containsEntry("cf.hall", "Halle");

        long id = staging.stage(lina, List.of(upload("halls.csv", WITH_HALL)), ImportChoice.NONE);
        assertThat(imports.problems(lina, id, "import.problem.rules", 0, 10))
                .singleElement()
                .satisfies(
                        p -> { // said in the review, on the file's row and column, before anything is placed
                            assertThat(p.externalId()).isEqualTo("7002");
                            assertThat(p.column()).isEqualTo("Halle");
                            assertThat(p.message().key()).isEqualTo("validation.field.choice");
                            assertThat(p.message().args())
                                    .first()
                                    .isInstanceOf(Names.class); // read in the reader's language
                        });
        commits.commit(lina, id, null);
        worker.run();
        Map<String, String> numbers = orders.numbersByExternalId("WEBSHOP", List.of("7001", "7002", "7003"));
        assertThat(orders.byNumber(lina, numbers.get("7001"))
                        .orElseThrow()
                        .content()
                        .customFields())
                .containsEntry("hall", "h4");
        assertThat(numbers).doesNotContainKey("7002"); // no such hall: refused, with its reason
        assertThat(orders.byNumber(lina, numbers.get("7003"))
                        .orElseThrow()
                        .content()
                        .customFields())
                .isEmpty(); // required on forms, but a file is not held to it
        Reconciliation outcome = imports.reconciliation(lina, id);
        assertThat(outcome.imported()).isEqualTo(2);
        assertThat(outcome.rejected()).isEqualTo(1);
    }

    @Test
    void aMappingNeedsTheRequiredFieldsAndColumnsTheFileHas() {
        List<String> header = List.of("Order ID", "Qty");
        assertThatThrownBy(() -> mappings.save(
                        lina, "Broken", "WEBSHOP", "EUR", header, Map.of("externalId", "Order ID", "name", "Title")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + " " + p.code())
                                .contains(
                                        "columns.name import.mapping.no-such-column",
                                        "columns.quantity validation.required",
                                        "columns.unitPrice validation.required"));
    }

    @Test
    void withoutAMappingAnUnknownFileSaysWhatToDo() {
        assertThatThrownBy(() -> staging.stage(
                        lina, List.of(upload("woo.csv", WOO)), new ImportChoice(ImportFormat.GENERIC, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("import.file.no-mapping"));
    }

    @Test
    void theReviewRulesOverTheApiAreForAdminsToChange() {
        Api admin = new Api(port).bearer(fixtures.token(fixtures.user("boss", Role.ADMIN)));
        Api.Response saved = admin.put(
                "/api/imports/review-rules",
                Map.of("enabled", true, "withoutBuyerMessage", false, "maxTotals", Map.of("CNY", "1.999,50")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("maxTotals").get("CNY").asLong()).isEqualTo(199950);
        Api.Response refused = new Api(port)
                .bearer(fixtures.token(lina))
                .put(
                        "/api/imports/review-rules",
                        Map.of("enabled", false, "withoutBuyerMessage", true, "maxTotals", Map.of()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(new Api(port)
                        .bearer(fixtures.token(lina))
                        .get("/api/imports/review-rules")
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theApiSavesListsAndDeletesMappings() {
        Api api = new Api(port).bearer(fixtures.token(lina));
        Api.Response saved = api.post(
                "/api/imports/mappings",
                Map.of(
                        "name", "Odoo",
                        "channel", "MANUAL",
                        "currency", "EUR",
                        "header", List.of("name", "product", "qty", "price"),
                        "columns",
                                Map.of(
                                        "externalId",
                                        "name",
                                        "name",
                                        "product",
                                        "quantity",
                                        "qty",
                                        "unitPrice",
                                        "price")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
        assertThat(api.get("/api/imports/mappings").json()).hasSize(1);
        Api.Response twice = api.post(
                "/api/imports/mappings",
                Map.of(
                        "name",
                        "odoo",
                        "channel",
                        "MANUAL",
                        "currency",
                        "EUR",
                        "header",
                        List.of("a"),
                        "columns",
                        Map.of()));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("columns.externalId");
        assertThat(api.delete("/api/imports/mappings/" + saved.json().get("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/imports/mappings").json()).isEmpty();
    }
}
