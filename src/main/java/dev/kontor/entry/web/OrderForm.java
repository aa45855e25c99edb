package dev.kontor.entry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.CustomerRules;
import dev.kontor.fields.FieldRules;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderContent;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderLine;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.shared.Address;
import dev.kontor.shared.Currencies;
import dev.kontor.shared.Money;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import dev.kontor.shared.web.AddressForm;

/**
 * The order form, field names as in the API ({@code customer.email}, {@code lines[0].quantity}) so a problem the
 * service reports lands next to its field. Every value is kept as typed, even when wrong. A form object, bound to
 * its public fields ({@link OrderFormController} binds with direct field access); never a domain object.
 */
public class OrderForm {

    public String channel = "MANUAL";
    public String externalId;
    public Integer version;
    public CustomerForm customer = new CustomerForm();
    public String email;
    public String phone;
    public AddressForm shippingAddress = new AddressForm();
    public boolean separateBilling;
    public AddressForm billingAddress = new AddressForm();
    public String currency;
    public boolean pricesIncludeTax = true;
    public List<LineForm> lines = new ArrayList<>(List.of(new LineForm()));
    public String shipping;
    public String discount;
    public String paymentMethod;
    public String paymentTerms = "DUE_ON_RECEIPT";
    public String paymentDueDate;
    public String tags;
    /** The shop's own fields by key, as typed ({@code customFields[deliveryDate]}); money as "12.50 EUR". */
    public Map<String, String> customFields = new LinkedHashMap<>();

    public Long responsibleId;
    public Set<Long> observerIds = new LinkedHashSet<>();

    /** Who buys: an existing customer (id) or a new one. */
    public static class CustomerForm {
        public String id;
        public String query;
        public String selectedName;
        public String kind = CustomerKind.PERSON.name();
        public String name;
        public String company;
        public String country;
        public String email;
        public String phone;
        public String landline;
        public String payerAccount;
        public String payerAccountType;
    }

    /** One line as typed; prices as decimals in the order's currency ({@code 129.00}). */
    public static class LineForm {
        public String sku;
        public String name;
        public String colour;
        public String size;
        public String unitPrice;
        public String quantity = "1";
        public String discount;
        public String taxRate;

        boolean isEmpty() {
            return Text.clean(sku) == null && Text.clean(name) == null && Text.clean(unitPrice) == null;
        }
    }

    /** The form filled from an existing order, to edit it. */
    static OrderForm of(Order order) {
        OrderContent c = order.content();
        OrderForm form = new OrderForm();
        form.channel = order.channel();
        form.externalId = order.externalId();
        form.version = order.version();
        form.customer.id = Long.toString(c.customerId());
        form.customer.selectedName = c.customerName();
        form.email = c.email();
        form.phone = c.phone();
        form.shippingAddress = AddressForm.of(c.shippingAddress());
        form.separateBilling = c.billingAddress() != null;
        form.billingAddress = AddressForm.of(c.billingAddress());
        form.currency = c.currency();
        form.pricesIncludeTax = c.pricesIncludeTax();
        form.lines = new ArrayList<>();
        for (OrderLine l : c.lines()) {
            LineForm line = new LineForm();
            line.sku = l.sku();
            line.name = l.name();
            line.colour = l.attributes().get("colour");
            line.size = l.attributes().get("size");
            line.unitPrice = decimal(l.unitPrice(), c.currency());
            line.quantity = Integer.toString(l.quantity());
            line.discount = l.discount() == 0 ? null : decimal(l.discount(), c.currency());
            line.taxRate = l.taxRate() == 0
                    ? null
                    : BigDecimal.valueOf(l.taxRate(), 2).stripTrailingZeros().toPlainString();
            form.lines.add(line);
        }
        form.shipping = c.shipping() == 0 ? null : decimal(c.shipping(), c.currency());
        form.discount = c.discount() == 0 ? null : decimal(c.discount(), c.currency());
        form.paymentMethod = c.paymentMethod();
        form.paymentTerms = c.paymentTerms().kind().name();
        form.paymentDueDate = c.paymentTerms().fixedDate() == null
                ? null
                : c.paymentTerms().fixedDate().toString();
        form.tags = String.join(", ", c.tags());
        c.customFields().forEach((key, value) -> form.customFields.put(key, FieldRules.written(value)));
        form.responsibleId = c.responsibleId();
        form.observerIds = new LinkedHashSet<>(c.observerIds());
        return form;
    }

    private static String decimal(long minor, String currency) {
        return Money.of(minor, currency).toDecimal().toPlainString();
    }

    /**
     * The input for the service, or the problems of what could not even be read (a price that is not a
     * number); the service checks the rest.
     */
    OrderInput toInput(Problems problems) {
        String cur = Text.clean(currency) == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        List<OrderInput.LineInput> lineInputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineForm l = lines.get(i);
            String at = "lines[" + i + "].";
            Map<String, String> attributes = new LinkedHashMap<>();
            if (Text.clean(l.colour) != null) {
                attributes.put("colour", l.colour.strip());
            }
            if (Text.clean(l.size) != null) {
                attributes.put("size", l.size.strip());
            }
            lineInputs.add(new OrderInput.LineInput(
                    l.sku,
                    l.name,
                    attributes,
                    money(l.unitPrice, cur, at + "unitPrice", problems),
                    integer(l.quantity, at + "quantity", problems),
                    money(l.discount, cur, at + "discount", problems),
                    percent(l.taxRate, at + "taxRate", problems)));
        }
        Set<String> tagSet = new LinkedHashSet<>();
        if (tags != null) {
            for (String tag : tags.split(",")) {
                if (!tag.isBlank()) {
                    tagSet.add(tag.strip());
                }
            }
        }
        return new OrderInput(
                channel,
                externalId,
                customerChoice(problems),
                email,
                phone,
                separateBilling ? billingAddress.toAddress() : null,
                shippingAddress.toAddress(),
                cur,
                pricesIncludeTax,
                lineInputs,
                money(shipping, cur, "shipping", problems),
                money(discount, cur, "discount", problems),
                paymentMethod,
                tagSet,
                responsibleId,
                observerIds,
                null,
                null,
                terms(problems),
                customFieldValues());
    }

    /** The custom fields as the form sent them (empty ones are "not set"). */
    private Map<String, Object> customFieldValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        customFields.forEach((key, value) -> values.put(key, Text.clean(value)));
        return values;
    }

    private PaymentTerms terms(Problems problems) {
        PaymentTerms.Kind kind;
        try {
            kind = Text.clean(paymentTerms) == null
                    ? PaymentTerms.Kind.DUE_ON_RECEIPT
                    : PaymentTerms.Kind.valueOf(paymentTerms.strip());
        } catch (IllegalArgumentException e) {
            problems.add("paymentTerms", "validation.terms.unknown", paymentTerms);
            return null;
        }
        LocalDate due = null;
        if (kind == PaymentTerms.Kind.FIXED_DATE && Text.clean(paymentDueDate) != null) {
            try {
                due = LocalDate.parse(paymentDueDate.strip());
            } catch (DateTimeParseException e) {
                problems.add("paymentTerms.fixedDate", "validation.date", paymentDueDate);
            }
        }
        return new PaymentTerms(kind, due);
    }

    private OrderInput.CustomerChoice customerChoice(Problems problems) {
        if (Text.clean(customer.id) != null) {
            try {
                return OrderInput.CustomerChoice.existing(Long.parseLong(customer.id.strip()));
            } catch (NumberFormatException e) {
                problems.add("customer.id", "validation.customer.unknown", customer.id);
                return null;
            }
        }
        if (Text.clean(customer.name) == null && Text.clean(customer.company) == null) {
            return null;
        }
        CustomerKind kind = "COMPANY".equals(customer.kind) ? CustomerKind.COMPANY : CustomerKind.PERSON;
        Address address = shippingAddress.toAddress();
        CustomerDetails details = CustomerDetails.of(
                kind,
                customer.name,
                customer.company,
                customer.country == null || customer.country.isBlank() ? shippingAddress.country : customer.country,
                null,
                customer.email,
                customer.phone,
                customer.landline,
                customer.payerAccount,
                customer.payerAccountType,
                address);
        return new OrderInput.CustomerChoice(null, details, CustomerRules.FieldNames.SINGLE_FIELDS);
    }

    private static Long money(String value, String currency, String field, Problems problems) {
        if (Text.clean(value) == null) {
            return null;
        }
        String normalized = value.strip().replace(" ", "");
        if (normalized.contains(",") && !normalized.contains(".")) {
            normalized = normalized.replace(',', '.');
        }
        try {
            return Money.parse(normalized, currency != null && Currencies.isKnown(currency) ? currency : "EUR")
                    .minor();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(field, "validation.amount");
            return null;
        }
    }

    private static Integer integer(String value, String field, Problems problems) {
        if (Text.clean(value) == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "validation.whole-number");
            return null;
        }
    }

    /** A percentage as typed ({@code 19} or {@code 7.5}) in basis points. */
    private static Integer percent(String value, String field, Problems problems) {
        if (Text.clean(value) == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(',', '.').replace("%", ""))
                    .movePointRight(2)
                    .intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            problems.add(field, "validation.percent");
            return null;
        }
    }

    void addLine() {
        lines.add(new LineForm());
    }

    /** Moves a line {@code by} places (−1 up, +1 down); a move past either end changes nothing. */
    void moveLine(int index, int by) {
        int to = index + Integer.signum(by);
        if (index >= 0 && index < lines.size() && to >= 0 && to < lines.size()) {
            Collections.swap(lines, index, to);
        }
    }

    void removeLine(int index) {
        if (index >= 0 && index < lines.size() && lines.size() > 1) {
            lines.remove(index);
        }
    }

    /** Drops lines left entirely blank, so an unused empty row is not an error. */
    void dropEmptyLines() {
        if (lines.size() > 1) {
            lines.removeIf(LineForm::isEmpty);
        }
        if (lines.isEmpty()) {
            lines.add(new LineForm());
        }
    }

    public void setObserverIds(Set<Long> observerIds) {
        this.observerIds = observerIds == null ? new LinkedHashSet<>() : observerIds;
    }
}
