package dev.kontor.integration;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.orders.NoteKind;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.shared.ShopSettings;
import dev.kontor.support.Api;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.support.MutableClock;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Channel write-back on PostgreSQL: a web shop order that ships, gets a note for the marketplace and is refunded is
 * told to its connector in that order, each outcome in the order's timeline; an internal note is not told; a connector
 * that is down is retried and finally given up (the timeline says so), and the order list's "not yet confirmed to the
 * channel" finds such orders; Taobao and Amazon orders land in the day's upload files in their formats.
 */
@KontorTest
class ChannelWriteBackTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderIntake intake;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderNotes notes;

    @Autowired
    Orders orders;

    @Autowired
    OrderEvents events;

    @Autowired
    ChannelWriteBack writeBack;

    @Autowired
    TestChannelConnector shop;

    @Autowired
    MarketplaceFiles files;

    @Autowired
    MutableClock clock;

    @Autowired
    ShopSettings settings;

    Actor boss;

    @BeforeEach
    void setUp() {
        shop.reset();
        boss = fixtures.user("wang.lei", Role.SUPERVISOR, Role.WAREHOUSE, Role.FINANCE);
    }

    @AfterEach
    void tearDown() {
        shop.reset();
    }

    private Order shipped(String channel, String externalId) {
        Order order = intake.place(
                        boss, Fixtures.input(channel, externalId, Fixtures.line("SHIRT-BLUE-M", 2990, 1)), false)
                .order();
        lifecycle.act(boss, order.id(), null, OrderAction.APPROVE, null);
        fixtures.ship(boss, order.id());
        return order;
    }

    private void tell() {
        events.sequence();
        while (writeBack.run(50) > 0) {
            // until nothing is due
        }
    }

    private List<String> actions(Order order) {
        return orders.timeline(boss, order.id()).stream()
                .map(TimelineEntry::action)
                .toList();
    }

    @Test
    void shipmentsNotesForTheMarketplaceAndRefundsAreToldInOrder() {
        Order order = shipped("WEBSHOP", "WS-778");
        notes.add(boss, order.id(), NoteKind.INTERNAL, "customer is nice"); // not for the marketplace
        notes.add(boss, order.id(), NoteKind.MARKETPLACE, "Shipped in two boxes");

        tell();

        assertThat(shop.told)
                .extracting(ChannelUpdate::kind)
                .containsExactly(ChannelUpdateKind.SHIPPED, ChannelUpdateKind.NOTE);
        assertThat(shop.told.get(0).externalId()).isEqualTo("WS-778");
        assertThat(shop.told.get(0).carrier()).isEqualTo("DHL");
        assertThat(shop.told.get(1).note()).isEqualTo("Shipped in two boxes");
        assertThat(actions(order)).filteredOn("order.channel-told"::equals).hasSize(2);
        assertThat(unconfirmed()).doesNotContain(order.number());

        tell(); // told once: nothing again
        assertThat(shop.told).hasSize(2);
    }

    @Test
    void aConnectorThatIsDownIsRetriedThenGivenUpAndTheListFindsTheOrder() {
        shop.down = true;
        Order order = shipped("WEBSHOP", "WS-779");
        tell();
        assertThat(shop.told).isEmpty();
        assertThat(unconfirmed()).contains(order.number());

        for (int i = 0; i < 40 && !actions(order).contains("order.channel-failed"); i++) {
            clock.advance(Duration.ofHours(6));
            tell();
        }
        assertThat(actions(order)).contains("order.channel-failed");
        assertThat(orders.timeline(boss, order.id()).stream()
                        .filter(e -> e.action().equals("order.channel-failed"))
                        .findFirst()
                        .orElseThrow()
                        .details())
                .containsEntry("error", "503 from the shop's API")
                .containsEntry("channelUpdate", "SHIPPED");
        assertThat(unconfirmed()).contains(order.number()); // given up is not confirmed
    }

    @Test
    void marketplaceOrdersLandInTheDaysUploadFiles() {
        Order taobao = shipped("TAOBAO", "3392001234");
        Order amazon = shipped("AMAZON", "302-1234567-7654321");
        tell();
        LocalDate today =
                clock.instant().atZone(ZoneId.of(settings.timeZone().getId())).toLocalDate();

        MarketplaceFiles.File tb = files.file(boss, "TAOBAO", today, null);
        String csv = new String(tb.content(), Charset.forName("GBK"));
        assertThat(csv.lines().toList()).containsExactly("订单编号,物流公司,运单号", "3392001234,DHL,");
        MarketplaceFiles.File az = files.file(boss, "AMAZON", today, null);
        String tsv = new String(az.content(), StandardCharsets.UTF_8);
        assertThat(tsv).startsWith("order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name");
        assertThat(tsv).contains("302-1234567-7654321\t\t\t" + today + "\tOther\tDHL");
        assertThat(actions(taobao)).contains("order.channel-told");
        assertThat(actions(amazon)).contains("order.channel-told");

        Api api = new Api(port).bearer(fixtures.token(boss));
        Api.Response download = api.get("/api/channel-files/TAOBAO/" + today);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("taobao-shipping-" + today + ".csv");
        Api.Response noFiles = api.get("/api/channel-files/WEBSHOP/" + today);
        assertThat(noFiles.status()).isEqualTo(422);
        assertThat(noFiles.body()).contains("\"channel\"");
    }

    /** The numbers the order list's "not yet confirmed to the channel" shows. */
    private List<String> unconfirmed() {
        Api api = new Api(port).bearer(fixtures.token(boss));
        Api.Response list = api.get("/api/orders?mark=unconfirmed&limit=200");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> numbers = new java.util.ArrayList<>();
        list.json().get("items").forEach(o -> numbers.add(o.get("number").asString()));
        return numbers;
    }
}
