package dev.kontor.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.kontor.fields.FieldRules;
import dev.kontor.shared.Address;
import dev.kontor.shared.Money;
import dev.kontor.timeline.Change;

/** What changed between two versions of an order, field by field, as people read it in the timeline. */
final class OrderDiff {

    private final List<Change> changes = new ArrayList<>();

    private OrderDiff() {}

    /**
     * @param userName turns a user id into the name people know
     */
    static List<Change> between(Order before, Order after, Function<Long, String> userName) {
        OrderDiff diff = new OrderDiff();
        OrderContent a = before.content();
        OrderContent b = after.content();
        diff.compare("number", before.number(), after.number());
        diff.compare("lifecycle", before.lifecycle(), after.lifecycle());
        diff.compare("paymentStatus", before.paymentStatus(), after.paymentStatus());
        diff.compare("fulfilmentStatus", before.fulfilmentStatus(), after.fulfilmentStatus());
        diff.compare(
                "received",
                before.received() == null ? null : before.received().by(),
                after.received() == null ? null : after.received().by());
        diff.compare("customer", a.customerName(), b.customerName());
        diff.compare("email", a.email(), b.email());
        diff.compare("phone", a.phone(), b.phone());
        // equal values read the same: only what differs is written out (a status change writes out nothing else)
        if (!Objects.equals(a.billingAddress(), b.billingAddress())) {
            diff.compare("billingAddress", oneLine(a.billingAddress()), oneLine(b.billingAddress()));
        }
        if (!Objects.equals(a.shippingAddress(), b.shippingAddress())) {
            diff.compare("shippingAddress", oneLine(a.shippingAddress()), oneLine(b.shippingAddress()));
        }
        diff.compare("currency", a.currency(), b.currency());
        diff.compare("pricesIncludeTax", a.pricesIncludeTax(), b.pricesIncludeTax());
        if (!a.lines().equals(b.lines()) || !Objects.equals(a.currency(), b.currency())) {
            diffLines(diff, a, b);
        }
        diff.compare("shipping", money(a.shipping(), a.currency()), money(b.shipping(), b.currency()));
        diff.compare("discount", money(a.discount(), a.currency()), money(b.discount(), b.currency()));
        diff.compare("total", before.total(), after.total());
        diff.compare("paymentMethod", a.paymentMethod(), b.paymentMethod());
        diff.compare(
                "paymentTerms", a.paymentTerms().toString(), b.paymentTerms().toString());
        diff.compare("tags", String.join(", ", a.tags()), String.join(", ", b.tags()));
        diff.compare(
                "responsible",
                a.responsibleId() == null ? null : userName.apply(a.responsibleId()),
                b.responsibleId() == null ? null : userName.apply(b.responsibleId()));
        diff.compare("observers", names(a, userName), names(b, userName));
        if (!a.customFields().equals(b.customFields())) {
            Set<String> keys = new TreeSet<>(a.customFields().keySet());
            keys.addAll(b.customFields().keySet());
            for (String key : keys) {
                diff.compare(
                        "customFields." + key,
                        FieldRules.written(a.customFields().get(key)),
                        FieldRules.written(b.customFields().get(key)));
            }
        }
        return diff.changes;
    }

    private static void diffLines(OrderDiff diff, OrderContent a, OrderContent b) {
        int count = Math.max(a.lines().size(), b.lines().size());
        for (int i = 0; i < count; i++) {
            String was = i < a.lines().size() ? describe(a.lines().get(i), a.currency()) : null;
            String is = i < b.lines().size() ? describe(b.lines().get(i), b.currency()) : null;
            diff.compare("lines[" + (i + 1) + "]", was, is);
        }
    }

    private static String describe(OrderLine line, String currency) {
        String text = line.quantity() + " × " + line.sku() + " " + line.name()
                + (line.attributes().isEmpty() ? "" : " (" + line.attributeText() + ")")
                + " @ " + money(line.unitPrice(), currency);
        if (line.discount() > 0) {
            text += " − " + money(line.discount(), currency);
        }
        if (line.shippedQuantity() > 0) {
            text += " [✓ " + line.shippedQuantity() + "/" + line.quantity() + "]";
        }
        return text;
    }

    private static String names(OrderContent c, Function<Long, String> userName) {
        return c.observerIds().stream()
                .sorted()
                .map(userName)
                .reduce((x, y) -> x + ", " + y)
                .orElse("");
    }

    private static Money money(long amount, String currency) {
        return Money.of(amount, currency);
    }

    private static String oneLine(Address address) {
        return address == null ? null : address.name() + ", " + address.oneLine();
    }

    private void compare(String field, Object before, Object after) {
        Object was = blankToNull(before);
        Object is = blankToNull(after);
        if (!Objects.equals(was, is)) {
            changes.add(Change.of(field, was, is));
        }
    }

    private static Object blankToNull(Object value) {
        return value instanceof String s && s.isBlank() ? null : value;
    }
}
