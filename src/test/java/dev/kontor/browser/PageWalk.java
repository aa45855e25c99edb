package dev.kontor.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.fields.CustomField;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.fields.FieldType;
import dev.kontor.imports.ImportChoice;
import dev.kontor.imports.ImportStaging;
import dev.kontor.imports.MarketFilesForBrowser;
import dev.kontor.imports.Upload;
import dev.kontor.orders.Order;
import dev.kontor.payments.PaymentKind;
import dev.kontor.payments.PaymentRequest;
import dev.kontor.payments.Payments;
import dev.kontor.shared.Names;
import dev.kontor.support.BrowserTest;
import dev.kontor.support.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

/** A walk over every page of the back office with data on it, for tests that read every page the same way. */
abstract class PageWalk extends BrowserTest {

    @Autowired
    CustomFields customFields;

    @Autowired
    protected Fixtures fixtures;

    @Autowired
    Payments payments;

    @Autowired
    ImportStaging staging;

    @Autowired
    dev.kontor.documents.DocumentIssuing issuing;

    @Autowired
    dev.kontor.crm.InboundMails inbound;

    @Autowired
    dev.kontor.integration.Webhooks webhooks;

    /**
     * An order paid by Alipay and partly refunded, invoiced and credited, a customer, an import: so that lists and
     * panels print.
     */
    protected void prepare(Actor admin) throws IOException {
        customFields.define(
                admin,
                new CustomFields.Definition(
                        "hall",
                        Names.of("Hall"),
                        FieldType.CHOICE,
                        List.of(new CustomField.Choice("h4", Names.of("Hall 4"))),
                        false,
                        true));
        customFields.define(
                admin,
                new CustomFields.Definition(
                        "deliveryDate", Names.of("Delivery date"), FieldType.DATE, List.of(), false, true));
        customFields.define(
                admin,
                new CustomFields.Definition(
                        "segment",
                        Names.of("Segment"),
                        FieldType.CHOICE,
                        List.of(new CustomField.Choice("retail", Names.of("Retail"))),
                        false,
                        true,
                        FieldScope.CUSTOMER));
        fixtures.product("TEA", false, "TEA-100");
        fixtures.receive("TEA-100", 10);
        Order order = fixtures.order(admin, false);
        payments.record(
                admin,
                order.id(),
                new PaymentRequest(PaymentKind.PAYMENT, 2000L, "EUR", "ALIPAY", "2088-1", null, null, null));
        payments.record(
                admin,
                order.id(),
                new PaymentRequest(PaymentKind.REFUND, 500L, "EUR", "ALIPAY", null, null, null, null));
        dev.kontor.documents.Document invoice =
                issuing.issue(admin, order.id(), dev.kontor.documents.DocumentKind.INVOICE, null);
        issuing.credit(admin, invoice.id(), java.util.Map.of(), "returned");
        webhooks.subscribe(
                admin,
                new dev.kontor.integration.Webhooks.Definition(
                        "http://127.0.0.1:9/kontor", "ERP", List.of("order.paid", "order.shipped")));
        inbound.receive(new dev.kontor.crm.InboundMail(
                "<walk-1@example.no>",
                java.time.Instant.now(),
                "ola@example.no",
                "Ola Nordmann",
                "Two more shirts",
                "Please add two shirts.",
                List.of(
                        new dev.kontor.crm.InboundMail.Attachment(
                                "sizes.pdf", "application/pdf", 2048, false, new byte[2048]),
                        new dev.kontor.crm.InboundMail.Attachment("scan.tif", 99_999_999, true)),
                null));
        byte[] orders = MarketFilesForBrowser.taobaoOrders();
        byte[] items = MarketFilesForBrowser.taobaoItems();
        staging.stage(
                admin,
                List.of(
                        new Upload("ExportOrderList1.csv", orders.length, () -> new ByteArrayInputStream(orders)),
                        new Upload("ExportOrderDetailList1.csv", items.length, () -> new ByteArrayInputStream(items))),
                ImportChoice.NONE);
    }

    /** The back office's pages, with one of each kind of detail page. */
    protected List<String> pages() {
        List<String> paths = new ArrayList<>(List.of(
                "/orders",
                "/orders/new",
                "/customers",
                "/approvals",
                "/activities",
                "/board",
                "/mail",
                "/warehouse",
                "/warehouse/packing-slips",
                "/catalog",
                "/catalog/suppliers",
                "/purchasing",
                "/imports",
                "/imports/mappings",
                "/settings/import-rules",
                "/settings/carriers",
                "/settings/holidays",
                "/settings/locations",
                "/settings/documents",
                "/settings/pipelines",
                "/settings/fields",
                "/settings/webhooks",
                "/settings/channel-files",
                "/settings/pipelines/1",
                "/admin/users",
                "/admin/audit",
                "/account/tokens"));
        page.navigate(url("/orders"));
        String first = page.locator("table.list tbody tr a").first().getAttribute("href");
        paths.add(first);
        paths.add(first + "/packing-slip");
        page.navigate(url("/customers"));
        String customer = page.locator("table.list tbody tr a").first().getAttribute("href");
        paths.add(customer);
        paths.add(customer + "/edit");
        paths.add(customer + "/merge?q=a");
        page.navigate(url("/imports"));
        paths.add(page.locator("table.list tbody tr a").first().getAttribute("href"));
        page.navigate(url("/settings/webhooks"));
        paths.add(page.locator("#webhooks tbody a").first().getAttribute("href"));
        page.navigate(url("/mail"));
        paths.add(page.locator("#waiting-mails a[download]")
                .first()
                .getAttribute("href")
                .replaceAll("/attachments/.*", ""));
        page.navigate(url("/catalog"));
        paths.add(page.locator("table.list tbody tr a").first().getAttribute("href"));
        return paths;
    }
}
