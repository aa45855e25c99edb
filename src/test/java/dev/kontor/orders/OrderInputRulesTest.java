package dev.kontor.orders;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import dev.kontor.support.AnOrder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad order input is refused field by field, every problem named at once. */
class OrderInputRulesTest {

    private static final Set<String> CHANNELS = Set.of("MANUAL", "TAOBAO");
    private static final Address ADDRESS =
            new Address("Jana", null, "Hauptstraße 1", null, "50667", "Köln", null, "DE", null);

    private static OrderInput input(String currency, List<OrderInput.LineInput> lines, Long total) {
        return AnOrder.from("MANUAL")
                .customer(OrderInput.CustomerChoice.existing(1))
                .email("jana@example.de")
                .shippingAddress(ADDRESS)
                .currency(currency)
                .lines(lines)
                .shipping(0L)
                .discount(0L)
                .paymentMethod(null)
                .expectedTotal(total)
                .build();
    }

    private static OrderInput.LineInput line(Long price, Integer quantity) {
        return new OrderInput.LineInput("SKU-1", "Shirt", Map.of(), price, quantity, null, 1900);
    }

    private static List<String> fields(OrderInput input) {
        return OrderInputRules.check(input, CHANNELS).list().stream()
                .map(FieldProblem::field)
                .toList();
    }

    @Test
    void aValidOrderHasNoProblems() {
        assertThat(fields(input("EUR", List.of(line(1000L, 2)), 2000L))).isEmpty();
    }

    @Test
    void eachBadLineValueIsNamedByItsPath() {
        OrderInput input = input("EUR", List.of(line(1000L, 0), line(-5L, -1), line(null, null)), null);
        assertThat(fields(input))
                .containsExactly(
                        "lines[0].quantity",
                        "lines[1].quantity",
                        "lines[1].unitPrice",
                        "lines[2].quantity",
                        "lines[2].unitPrice");
    }

    @Test
    void anOrderNeedsAtLeastOneLine() {
        assertThat(OrderInputRules.check(input("EUR", List.of(), null), CHANNELS)
                        .list())
                .containsExactly(FieldProblem.of("lines", "validation.lines.empty"));
    }

    @Test
    void currencyAndCountryMustBeIsoCodes() {
        OrderInput input = AnOrder.from("MANUAL")
                .customer(OrderInput.CustomerChoice.existing(1))
                .shippingAddress(new Address("Jana", null, "Street 1", null, null, "City", null, "XX", null))
                .currency("EURO")
                .lines(line(100L, 1))
                .shipping(null)
                .paymentMethod(null)
                .build();
        assertThat(fields(input)).containsExactlyInAnyOrder("currency", "shippingAddress.country");
    }

    @Test
    void aTotalThatDoesNotMatchTheLinesIsRefusedWithTheComputedOne() {
        List<FieldProblem> problems = OrderInputRules.check(input("EUR", List.of(line(1000L, 2)), 1999L), CHANNELS)
                .list();
        assertThat(problems).containsExactly(FieldProblem.of("total", "validation.total.mismatch", 1999L, 2000L));
    }

    @Test
    void anUnknownChannelAndABadEmailAreNamed() {
        OrderInput input = AnOrder.from("MYSPACE")
                .customer(OrderInput.CustomerChoice.existing(1))
                .email("not-an-email")
                .shippingAddress(ADDRESS)
                .lines(line(100L, 1))
                .shipping(null)
                .paymentMethod(null)
                .build();
        assertThat(fields(input)).containsExactly("channel", "email");
    }

    @Test
    void aDiscountLargerThanTheLineIsRefused() {
        var line = new OrderInput.LineInput("SKU-1", "Shirt", Map.of(), 1000L, 1, 1500L, 0);
        assertThat(fields(input("EUR", List.of(line), null))).containsExactly("lines[0].discount");
    }

    @Test
    void tagsAreShortWords() {
        OrderInput input = AnOrder.from("MANUAL")
                .customer(OrderInput.CustomerChoice.existing(1))
                .shippingAddress(ADDRESS)
                .lines(line(100L, 1))
                .shipping(null)
                .paymentMethod(null)
                .tags(Set.of("vip", "<script>"))
                .build();
        assertThat(fields(input)).containsExactly("tags");
    }
}
