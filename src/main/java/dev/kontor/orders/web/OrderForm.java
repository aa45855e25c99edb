package dev.kontor.orders.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.CustomerRules;
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

/**
 * The draft form, field names as in the API ({@code customer.email}, {@code lines[0].quantity}) so a
 * problem the service reports lands next to its field. Every value is kept as typed, even when wrong.
 */
public class OrderForm {

    private String channel = "MANUAL";
    private String externalId;
    private Integer version;
    private CustomerForm customer = new CustomerForm();
    private String email;
    private String phone;
    private AddressForm shippingAddress = new AddressForm();
    private boolean separateBilling;
    private AddressForm billingAddress = new AddressForm();
    private String currency;
    private boolean pricesIncludeTax = true;
    private List<LineForm> lines = new ArrayList<>(List.of(new LineForm()));
    private String shipping;
    private String discount;
    private String paymentMethod;
    private String paymentTerms = "DUE_ON_RECEIPT";
    private String paymentDueDate;
    private String tags;
    private Long responsibleId;
    private Set<Long> observerIds = new LinkedHashSet<>();

    /** Who buys: an existing customer (id) or a new one. */
    public static class CustomerForm {
        private String id;
        private String query;
        private String selectedName;
        private String kind = CustomerKind.PERSON.name();
        private String name;
        private String company;
        private String country;
        private String email;
        private String phone;
        private String landline;
        private String payerAccount;
        private String payerAccountType;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getQuery() {
            return query;
        }

        public void setQuery(String query) {
            this.query = query;
        }

        public String getSelectedName() {
            return selectedName;
        }

        public void setSelectedName(String selectedName) {
            this.selectedName = selectedName;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCompany() {
            return company;
        }

        public void setCompany(String company) {
            this.company = company;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getLandline() {
            return landline;
        }

        public void setLandline(String landline) {
            this.landline = landline;
        }

        public String getPayerAccount() {
            return payerAccount;
        }

        public void setPayerAccount(String payerAccount) {
            this.payerAccount = payerAccount;
        }

        public String getPayerAccountType() {
            return payerAccountType;
        }

        public void setPayerAccountType(String payerAccountType) {
            this.payerAccountType = payerAccountType;
        }
    }

    /** A postal address as typed. */
    public static class AddressForm {
        private String name;
        private String company;
        private String street;
        private String street2;
        private String postalCode;
        private String city;
        private String region;
        private String country;
        private String phone;

        boolean isEmpty() {
            return Arrays.stream(
                            new String[] {name, company, street, street2, postalCode, city, region, country, phone})
                    .allMatch(v -> Text.clean(v) == null);
        }

        Address toAddress() {
            return isEmpty()
                    ? null
                    : new Address(name, company, street, street2, postalCode, city, region, country, phone);
        }

        static AddressForm of(Address a) {
            AddressForm f = new AddressForm();
            if (a != null) {
                f.name = a.name();
                f.company = a.company();
                f.street = a.street();
                f.street2 = a.street2();
                f.postalCode = a.postalCode();
                f.city = a.city();
                f.region = a.region();
                f.country = a.country();
                f.phone = a.phone();
            }
            return f;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getCompany() {
            return company;
        }

        public void setCompany(String company) {
            this.company = company;
        }

        public String getStreet() {
            return street;
        }

        public void setStreet(String street) {
            this.street = street;
        }

        public String getStreet2() {
            return street2;
        }

        public void setStreet2(String street2) {
            this.street2 = street2;
        }

        public String getPostalCode() {
            return postalCode;
        }

        public void setPostalCode(String postalCode) {
            this.postalCode = postalCode;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getRegion() {
            return region;
        }

        public void setRegion(String region) {
            this.region = region;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    /** One line as typed; prices as decimals in the order's currency ({@code 129.00}). */
    public static class LineForm {
        private String sku;
        private String name;
        private String colour;
        private String size;
        private String unitPrice;
        private String quantity = "1";
        private String discount;
        private String taxRate;

        boolean isEmpty() {
            return Text.clean(sku) == null && Text.clean(name) == null && Text.clean(unitPrice) == null;
        }

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getColour() {
            return colour;
        }

        public void setColour(String colour) {
            this.colour = colour;
        }

        public String getSize() {
            return size;
        }

        public void setSize(String size) {
            this.size = size;
        }

        public String getUnitPrice() {
            return unitPrice;
        }

        public void setUnitPrice(String unitPrice) {
            this.unitPrice = unitPrice;
        }

        public String getQuantity() {
            return quantity;
        }

        public void setQuantity(String quantity) {
            this.quantity = quantity;
        }

        public String getDiscount() {
            return discount;
        }

        public void setDiscount(String discount) {
            this.discount = discount;
        }

        public String getTaxRate() {
            return taxRate;
        }

        public void setTaxRate(String taxRate) {
            this.taxRate = taxRate;
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
                terms(problems));
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

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public Integer getVersion() {
        return version;
    }

    public void setVersion(Integer version) {
        this.version = version;
    }

    public CustomerForm getCustomer() {
        return customer;
    }

    public void setCustomer(CustomerForm customer) {
        this.customer = customer;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public AddressForm getShippingAddress() {
        return shippingAddress;
    }

    public void setShippingAddress(AddressForm shippingAddress) {
        this.shippingAddress = shippingAddress;
    }

    public boolean isSeparateBilling() {
        return separateBilling;
    }

    public void setSeparateBilling(boolean separateBilling) {
        this.separateBilling = separateBilling;
    }

    public AddressForm getBillingAddress() {
        return billingAddress;
    }

    public void setBillingAddress(AddressForm billingAddress) {
        this.billingAddress = billingAddress;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public boolean isPricesIncludeTax() {
        return pricesIncludeTax;
    }

    public void setPricesIncludeTax(boolean pricesIncludeTax) {
        this.pricesIncludeTax = pricesIncludeTax;
    }

    public List<LineForm> getLines() {
        return lines;
    }

    public void setLines(List<LineForm> lines) {
        this.lines = lines;
    }

    public String getShipping() {
        return shipping;
    }

    public void setShipping(String shipping) {
        this.shipping = shipping;
    }

    public String getDiscount() {
        return discount;
    }

    public void setDiscount(String discount) {
        this.discount = discount;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(String paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    public String getPaymentDueDate() {
        return paymentDueDate;
    }

    public void setPaymentDueDate(String paymentDueDate) {
        this.paymentDueDate = paymentDueDate;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public Long getResponsibleId() {
        return responsibleId;
    }

    public void setResponsibleId(Long responsibleId) {
        this.responsibleId = responsibleId;
    }

    public Set<Long> getObserverIds() {
        return observerIds;
    }

    public void setObserverIds(Set<Long> observerIds) {
        this.observerIds = observerIds == null ? new LinkedHashSet<>() : observerIds;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }
}
