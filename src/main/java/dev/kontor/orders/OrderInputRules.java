package dev.kontor.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.kontor.shared.Address;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;

/** What an order's input must satisfy before it becomes an order's content. Plain checks, no database. */
public final class OrderInputRules {

    static final int MAX_LINES = 500;
    static final int MAX_QUANTITY = 1_000_000;
    static final long MAX_AMOUNT = 1_000_000_000_000L;
    static final int MAX_TAGS = 20;

    private OrderInputRules() {}

    /** Checks everything that needs no database; {@code channels} are the known channel codes. */
    public static Problems check(OrderInput in, Set<String> channels) {
        Problems problems = new Problems();
        if (in.channel() == null) {
            problems.add("channel", "validation.required");
        } else if (!channels.contains(in.channel())) {
            problems.add("channel", "validation.channel", in.channel(), String.join(", ", channels));
        }
        if (in.externalId() != null && in.externalId().length() > 100) {
            problems.add("externalId", "validation.too-long", 100);
        }
        if (in.customer() == null
                || (in.customer().id() == null && in.customer().details() == null)) {
            problems.add("customer", "validation.required");
        }
        if (Text.clean(in.email()) != null && !Text.isEmail(in.email().strip())) {
            problems.add("email", "validation.email", in.email());
        }
        if (Text.clean(in.phone()) != null && !Text.isPhone(in.phone().strip())) {
            problems.add("phone", "validation.phone");
        }
        if (in.currency() == null) {
            problems.add("currency", "validation.required");
        } else if (!Currencies.isKnown(in.currency())) {
            problems.add("currency", "validation.currency", in.currency());
        }
        checkAddress(in.billingAddress(), "billingAddress", problems);
        checkAddress(in.shippingAddress(), "shippingAddress", problems);
        checkLines(in.lines(), problems);
        checkAmount(in.shipping(), "shipping", problems);
        checkAmount(in.discount(), "discount", problems);
        if (in.paymentTerms() != null
                && in.paymentTerms().kind() == PaymentTerms.Kind.FIXED_DATE
                && in.paymentTerms().fixedDate() == null) {
            problems.add("paymentTerms.fixedDate", "validation.terms.fixed-date");
        }
        if (in.paymentMethod() != null && in.paymentMethod().length() > 50) {
            problems.add("paymentMethod", "validation.too-long", 50);
        }
        checkTags(in.tags(), problems);
        if (problems.isEmpty()) {
            checkTotals(in, problems);
        }
        return problems;
    }

    private static void checkAddress(Address address, String field, Problems problems) {
        if (address != null) {
            problems.addAll(address.problems(field));
        }
    }

    private static void checkLines(List<OrderInput.LineInput> lines, Problems problems) {
        if (lines.isEmpty()) {
            problems.add("lines", "validation.lines.empty");
            return;
        }
        if (lines.size() > MAX_LINES) {
            problems.add("lines", "validation.lines.too-many", MAX_LINES);
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderInput.LineInput line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                problems.add("lines[" + i + "]", "validation.required");
                continue;
            }
            if (Text.clean(line.sku()) == null) {
                problems.add(at + "sku", "validation.required");
            } else if (line.sku().length() > 64) {
                problems.add(at + "sku", "validation.too-long", 64);
            }
            if (Text.clean(line.name()) == null) {
                problems.add(at + "name", "validation.required");
            } else if (line.name().length() > 300) {
                problems.add(at + "name", "validation.too-long", 300);
            }
            if (line.quantity() == null) {
                problems.add(at + "quantity", "validation.required");
            } else if (line.quantity() <= 0) {
                problems.add(at + "quantity", "validation.positive");
            } else if (line.quantity() > MAX_QUANTITY) {
                problems.add(at + "quantity", "validation.max", MAX_QUANTITY);
            }
            if (line.unitPrice() == null) {
                problems.add(at + "unitPrice", "validation.required");
            } else {
                checkAmount(line.unitPrice(), at + "unitPrice", problems);
            }
            checkAmount(line.discount(), at + "discount", problems);
            if (line.discount() != null
                    && line.unitPrice() != null
                    && line.quantity() != null
                    && line.quantity() > 0
                    && line.unitPrice() >= 0
                    && line.discount() > line.unitPrice() * line.quantity()) {
                problems.add(at + "discount", "validation.discount.too-large");
            }
            if (line.taxRate() != null && (line.taxRate() < 0 || line.taxRate() > 10_000)) {
                problems.add(at + "taxRate", "validation.tax-rate");
            }
        }
    }

    private static void checkAmount(Long amount, String field, Problems problems) {
        if (amount == null) {
            return;
        }
        if (amount < 0) {
            problems.add(field, "validation.not-negative");
        } else if (amount > MAX_AMOUNT) {
            problems.add(field, "validation.max", MAX_AMOUNT);
        }
    }

    public static void checkTags(Set<String> tags, Problems problems) {
        if (tags.size() > MAX_TAGS) {
            problems.add("tags", "validation.tags.too-many", MAX_TAGS);
        }
        for (String tag : tags) {
            if (tag == null || !tag.matches("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,39}")) {
                problems.add("tags", "validation.tag", String.valueOf(tag));
            }
        }
    }

    private static void checkTotals(OrderInput in, Problems problems) {
        Totals totals = Totals.of(lines(in), value(in.shipping()), value(in.discount()), includesTax(in));
        if (value(in.discount()) > totals.subtotal()) {
            problems.add("discount", "validation.discount.too-large");
        } else if (in.expectedTotal() != null && in.expectedTotal() != totals.total()) {
            problems.add("total", "validation.total.mismatch", in.expectedTotal(), totals.total());
        }
    }

    /** The input's lines as order lines (not yet stored). */
    static List<OrderLine> lines(OrderInput in) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            OrderInput.LineInput l = in.lines().get(i);
            lines.add(new OrderLine(
                    null,
                    i + 1,
                    l.sku().strip(),
                    l.name().strip(),
                    l.attributes(),
                    l.unitPrice(),
                    l.quantity(),
                    value(l.discount()),
                    l.taxRate() == null ? 0 : l.taxRate(),
                    0,
                    0));
        }
        return lines;
    }

    static boolean includesTax(OrderInput in) {
        return in.pricesIncludeTax() == null || in.pricesIncludeTax();
    }

    static long value(Long amount) {
        return amount == null ? 0 : amount;
    }
}
