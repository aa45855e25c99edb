package dev.kontor.orders;

import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.ProductInput;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.shared.Address;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.support.AnOrder;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Markets and currencies: the shipping country picks the market, the market the currency, and catalog items take
 * their list price in that currency; moving a draft to another market reprices its catalog items.
 */
@KontorTest
class MarketPricingTest {

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    OrderEditing orderEditing;

    @Autowired
    OrderLists orderLists;

    @Autowired
    Markets markets;

    @Autowired
    Catalog catalog;

    @Autowired
    Fixtures fixtures;

    Actor sven;

    @BeforeEach
    void setUp() {
        sven = fixtures.user("sven");
        catalog.create(
                Actor.system("test"),
                new ProductInput(
                        "SWEATER",
                        "Merino sweater",
                        List.of(new ProductInput.VariantInput(
                                "SWEATER-M",
                                Map.of("size", "M"),
                                null,
                                true,
                                null,
                                null,
                                null,
                                null,
                                Map.of("EUR", 8900L, "NOK", 99900L, "CNY", 69900L)))));
        fixtures.product("SCARF", true, "SCARF-RED"); // EUR only
    }

    /** A draft for a customer in {@code country}, currency left to the market, prices left to the catalog. */
    private OrderInput draftTo(String country, OrderInput.LineInput... lines) {
        OrderInput base = Fixtures.input("MANUAL", null);
        Address to = country.equals("GB")
                ? new Address("Kari", null, "1 High Street", null, "SW1A 1AA", "London", null, "GB", null)
                : Fixtures.address("Kari", country);
        return AnOrder.from("MANUAL")
                .customer(base.customer())
                .shippingAddress(to)
                .currency(null)
                .lines(lines)
                .shipping(0L)
                .paymentMethod(null)
                .build();
    }

    private static OrderInput.LineInput fromCatalog(String sku, int quantity) {
        return new OrderInput.LineInput(sku, null, null, null, quantity, null, 2500);
    }

    private static OrderInput withCountry(OrderInput in, String country, String currency) {
        return AnOrder.from(in.channel())
                .customer(in.customer())
                .shippingAddress(Fixtures.address("Kari", country))
                .currency(currency)
                .lines(in.lines())
                .shipping(0L)
                .paymentMethod(null)
                .build();
    }

    @Test
    void theShippingCountryPicksTheMarketWhoseCurrencyAndCatalogPricesTheDraftGets() {
        assertThat(markets.forCountry("at")).map(Market::currency).contains("EUR");
        assertThat(markets.forCountry("NO")).map(Market::code).contains("NO");
        assertThat(markets.forCountry("GB")).isEmpty();

        Order oslo = orderIntake
                .place(sven, draftTo("NO", fromCatalog("SWEATER-M", 2)), true)
                .order();
        assertThat(oslo.currency()).isEqualTo("NOK");
        assertThat(oslo.lines().get(0).unitPrice()).isEqualTo(99900);
        assertThat(oslo.lines().get(0).name()).as("named from the catalog").isEqualTo("Merino sweater");
        assertThat(oslo.lines().get(0).attributes()).containsEntry("size", "M");

        Order koeln = orderIntake
                .place(sven, draftTo("DE", fromCatalog("SWEATER-M", 1)), true)
                .order();
        assertThat(koeln.currency()).isEqualTo("EUR");
        assertThat(koeln.lines().get(0).unitPrice()).isEqualTo(8900);
    }

    @Test
    void changingTheMarketChangesTheCurrencyAndRepricesCatalogItemsButNotTypedOnes() {
        OrderInput.LineInput typed = new OrderInput.LineInput("GIFT-WRAP", "Gift wrap", Map.of(), 300L, 1, null, 2500);
        OrderInput written = draftTo("DE", fromCatalog("SWEATER-M", 1), typed);
        Order draft = orderIntake.place(sven, written, true).order();
        assertThat(draft.total().minor()).isEqualTo(8900 + 300);

        Order moved = orderEditing
                .edit(
                        sven,
                        draft.id(),
                        draft.version(),
                        withCountry(
                                AnOrder.from("MANUAL")
                                        .customer(written.customer())
                                        .shippingAddress(null)
                                        .currency(null)
                                        .lines(
                                                new OrderInput.LineInput(
                                                        "SWEATER-M",
                                                        "Merino sweater",
                                                        Map.of("size", "M"),
                                                        8900L,
                                                        1,
                                                        null,
                                                        2500),
                                                typed)
                                        .shipping(0L)
                                        .paymentMethod(null)
                                        .build(),
                                "CN",
                                null))
                .order();

        assertThat(moved.currency()).isEqualTo("CNY");
        assertThat(moved.lines().get(0).unitPrice())
                .as("repriced from the catalog")
                .isEqualTo(69900);
        assertThat(moved.lines().get(1).unitPrice()).as("typed by hand, kept").isEqualTo(300);
        assertThat(orders.timeline(sven, draft.id()).get(0).changes())
                .extracting(c -> c.field())
                .contains("currency");
    }

    @Test
    void aCatalogItemWithoutAPriceInTheMarketsCurrencyIsNamedAndNothingIsSaved() {
        assertThatThrownBy(() -> orderIntake.place(
                        sven, draftTo("NO", fromCatalog("SWEATER-M", 1), fromCatalog("SCARF-RED", 1)), true))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("lines[1].unitPrice");
                        assertThat(p.code()).isEqualTo("validation.price.not-in-currency");
                        assertThat(p.args()).containsExactly("SCARF-RED", "NOK");
                    });
                });
        assertThat(orderLists.count(sven, OrderFilter.all())).isZero();

        assertThatThrownBy(() -> orderIntake.place(sven, draftTo("GB", fromCatalog("SWEATER-M", 1)), true))
                .as("no market for the country: the currency must be given")
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).contains("currency"));
    }
}
