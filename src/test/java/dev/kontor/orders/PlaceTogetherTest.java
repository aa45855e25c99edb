package dev.kontor.orders;

import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.customers.Blacklist;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.timeline.TimelineEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.kontor.support.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Placing many orders at once ({@link OrderIntake#placeAll}, a marketplace import's batch) answers each as placing
 * it alone would: numbers without gaps in input order, a marketplace order placed before (or twice in the batch)
 * answered as it is, a blacklisted phone however it is written caught, a bad input refusing the whole call with
 * nothing written.
 */
@KontorTest
class PlaceTogetherTest {

    @Autowired
    OrderIntake intake;

    @Autowired
    Orders orders;

    @Autowired
    Customers customers;

    @Autowired
    Blacklist blacklist;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    Actor lina;

    @BeforeEach
    void setUp() {
        lina = fixtures.user("li.na", Role.CUSTOMER_SERVICE);
    }

    private List<PlacedOrder> placeAll(List<OrderInput> inputs) {
        return transaction.execute(s -> intake.placeAll(lina, inputs));
    }

    private static OrderInput ebay(String externalId, String email) {
        return AnOrder.from("EBAY")
                .externalId(externalId)
                .customer(CustomerDetails.of(
                        CustomerKind.PERSON,
                        "Buyer " + externalId,
                        null,
                        "DE",
                        "de",
                        email,
                        null,
                        null,
                        null,
                        null,
                        Fixtures.address("Buyer " + externalId, "DE")))
                .lines(line("MUG", 1200, 2))
                .build();
    }

    @Test
    void eachOrderIsAnsweredAsPlacingItAloneWould() {
        Order before =
                intake.place(lina, ebay("E-3", "three@example.de"), false).order();

        List<PlacedOrder> placed = placeAll(List.of(
                ebay("E-1", "one@example.de"),
                ebay("E-2", "one@example.de"), // the same buyer again
                ebay("E-1", "one@example.de"), // twice in the batch
                ebay("E-3", "three@example.de"))); // placed before

        assertThat(placed).extracting(PlacedOrder::created).containsExactly(true, true, false, false);
        assertThat(placed.get(2).order().id()).isEqualTo(placed.get(0).order().id());
        assertThat(placed.get(3).order().id()).isEqualTo(before.id());
        int first = Integer.parseInt(before.number().replaceAll("\\D", ""));
        assertThat(placed.subList(0, 2))
                .extracting(p -> Integer.parseInt(p.order().number().replaceAll("\\D", "")))
                .containsExactly(first + 1, first + 2);
        assertThat(placed.get(1).order().content().customerId())
                .isEqualTo(placed.get(0).order().content().customerId());
        Order stored = orders.get(placed.get(0).order().id());
        assertThat(stored.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo("MUG");
            assertThat(l.quantity()).isEqualTo(2);
        });
        assertThat(stored.lifecycle()).isEqualTo(LifecycleStatus.NEW);
        assertThat(orders.timeline(lina, stored.id()))
                .extracting(TimelineEntry::action)
                .containsExactly("order.created");
    }

    @Test
    void newBuyersPlacedTogetherKeepTheirOwnContactsAndAddresses() {
        List<PlacedOrder> placed = placeAll(
                List.of(ebay("E-30", "thirty@example.de"), ebay("E-31", "thirty-one@example.de"), ebay("E-32", null)));

        for (int i = 0; i < 3; i++) {
            var buyer = customers.get(placed.get(i).order().content().customerId());
            assertThat(buyer.addresses()).extracting(Address::name).containsExactly("Buyer E-3" + i);
            assertThat(buyer.contacts())
                    .extracting(dev.kontor.customers.Contact::value)
                    .containsExactlyElementsOf(
                            i == 2 ? List.of() : List.of(i == 0 ? "thirty@example.de" : "thirty-one@example.de"));
        }
    }

    @Test
    void aBlacklistedPhoneIsCaughtHoweverItIsWritten() {
        var known = customers.create(CustomerDetails.of(
                CustomerKind.PERSON, "Known", null, "DE", "de", null, "+49 170 5065756", null, null, null, null));
        blacklist.add(fixtures.user("sup", Role.SUPERVISOR), known.id(), "fraud", Blacklist.Scope.EVERYTHING);

        List<PlacedOrder> placed = placeAll(List.of(
                ebay("E-10", "ten@example.de"),
                AnOrder.like(ebay("E-11", "eleven@example.de"))
                        .phone("0170 5065756")
                        .build()));

        assertThat(placed.get(0).order().lifecycle()).isEqualTo(LifecycleStatus.NEW);
        Order caught = orders.get(placed.get(1).order().id());
        assertThat(caught.lifecycle()).isEqualTo(LifecycleStatus.ON_HOLD);
        assertThat(orders.flagReason(caught.id())).contains("fraud");
        assertThat(orders.timeline(lina, caught.id()))
                .extracting(TimelineEntry::action)
                .containsExactly("order.hold", "order.flagged", "order.created");
    }

    @Test
    void oneBadInputRefusesTheCallAndNothingIsWritten() {
        long ordersBefore =
                jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single();
        long customersBefore =
                jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single();

        assertThatThrownBy(() -> placeAll(List.of(
                        ebay("E-20", "twenty@example.de"),
                        AnOrder.like(ebay("E-21", "x@example.de"))
                                .lines(line("MUG", 1200, 0))
                                .build())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("lines[0].quantity"));

        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single())
                .isEqualTo(ordersBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM customers").query(Long.class).single())
                .isEqualTo(customersBefore);
        assertThat(placeAll(List.of(ebay("E-20", "twenty@example.de")))
                        .get(0)
                        .order()
                        .number())
                .as("the refused call took no number")
                .isEqualTo("EB-" + String.format("%06d", 1));
    }
}
