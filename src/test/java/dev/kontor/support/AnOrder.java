package dev.kontor.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.shared.Address;

/**
 * Test data: an order as a client would send it, saying only what a test cares about. Unless told otherwise it is
 * a German consumer's order (Jana Schmidt, Köln) in EUR with gross prices, 4.90 shipping and bank transfer; no
 * lines until given.
 */
public final class AnOrder {

    private String channel;
    private String externalId;
    private OrderInput.CustomerChoice customer = OrderInput.CustomerChoice.create(jana());
    private String email;
    private String phone;
    private Address billingAddress;
    private Address shippingAddress = Fixtures.address("Jana Schmidt", "DE");
    private String currency = "EUR";
    private Boolean pricesIncludeTax = true;
    private List<OrderInput.LineInput> lines = List.of();
    private Long shipping = 490L;
    private Long discount;
    private String paymentMethod = "BANK_TRANSFER";
    private Set<String> tags = Set.of();
    private Long responsibleId;
    private java.util.Map<String, Object> customFields;
    private Set<Long> observerIds = Set.of();
    private Instant placedAt;
    private Long expectedTotal;
    private PaymentTerms paymentTerms;

    private AnOrder(String channel) {
        this.channel = channel;
    }

    /** An order from this channel ({@code MANUAL}, {@code EBAY}, {@code TAOBAO}…). */
    public static AnOrder from(String channel) {
        return new AnOrder(channel);
    }

    /** An order as this input has it, to change a few things. */
    public static AnOrder like(OrderInput in) {
        AnOrder o = new AnOrder(in.channel());
        o.externalId = in.externalId();
        o.customer = in.customer();
        o.email = in.email();
        o.phone = in.phone();
        o.billingAddress = in.billingAddress();
        o.shippingAddress = in.shippingAddress();
        o.currency = in.currency();
        o.pricesIncludeTax = in.pricesIncludeTax();
        o.lines = in.lines();
        o.shipping = in.shipping();
        o.discount = in.discount();
        o.paymentMethod = in.paymentMethod();
        o.tags = in.tags();
        o.responsibleId = in.responsibleId();
        o.observerIds = in.observerIds();
        o.placedAt = in.placedAt();
        o.expectedTotal = in.expectedTotal();
        o.paymentTerms = in.paymentTerms();
        o.customFields = in.customFields();
        return o;
    }

    private static CustomerDetails jana() {
        return CustomerDetails.of(
                CustomerKind.PERSON,
                "Jana Schmidt",
                null,
                "DE",
                "de",
                "jana@example.de",
                "+49 170 1234567",
                null,
                null,
                null,
                Fixtures.address("Jana Schmidt", "DE"));
    }

    public AnOrder externalId(String value) {
        externalId = value;
        return this;
    }

    public AnOrder customer(OrderInput.CustomerChoice value) {
        customer = value;
        return this;
    }

    /** An existing customer, by id. */
    public AnOrder customer(long id) {
        return customer(OrderInput.CustomerChoice.existing(id));
    }

    /** A new customer with these details. */
    public AnOrder customer(CustomerDetails details) {
        return customer(OrderInput.CustomerChoice.create(details));
    }

    public AnOrder email(String value) {
        email = value;
        return this;
    }

    public AnOrder phone(String value) {
        phone = value;
        return this;
    }

    public AnOrder billingAddress(Address value) {
        billingAddress = value;
        return this;
    }

    /** Where it goes; {@code null}: nowhere yet (a draft not ready for review). */
    public AnOrder shippingAddress(Address value) {
        shippingAddress = value;
        return this;
    }

    /** The currency; {@code null}: the market's of the shipping country. */
    public AnOrder currency(String value) {
        currency = value;
        return this;
    }

    /** Whether unit prices include tax; {@code null}: as the channel has it. */
    public AnOrder pricesIncludeTax(Boolean value) {
        pricesIncludeTax = value;
        return this;
    }

    /** Prices without tax (business customers). */
    public AnOrder net() {
        pricesIncludeTax = false;
        return this;
    }

    public AnOrder lines(OrderInput.LineInput... value) {
        lines = List.of(value);
        return this;
    }

    public AnOrder lines(List<OrderInput.LineInput> value) {
        lines = value;
        return this;
    }

    /** Shipping charged, minor units; {@code null}: none said. */
    public AnOrder shipping(Long value) {
        shipping = value;
        return this;
    }

    public AnOrder discount(Long value) {
        discount = value;
        return this;
    }

    public AnOrder paymentMethod(String value) {
        paymentMethod = value;
        return this;
    }

    public AnOrder tags(String... value) {
        tags = Set.of(value);
        return this;
    }

    public AnOrder tags(Set<String> value) {
        tags = value;
        return this;
    }

    public AnOrder observers(Set<Long> userIds) {
        observerIds = userIds;
        return this;
    }

    public AnOrder responsible(Long userId) {
        responsibleId = userId;
        return this;
    }

    public AnOrder observers(Long... userIds) {
        observerIds = Set.of(userIds);
        return this;
    }

    public AnOrder placedAt(Instant value) {
        placedAt = value;
        return this;
    }

    public AnOrder expectedTotal(Long value) {
        expectedTotal = value;
        return this;
    }

    public AnOrder terms(PaymentTerms value) {
        paymentTerms = value;
        return this;
    }

    public OrderInput build() {
        return new OrderInput(
                channel,
                externalId,
                customer,
                email,
                phone,
                billingAddress,
                shippingAddress,
                currency,
                pricesIncludeTax,
                lines,
                shipping,
                discount,
                paymentMethod,
                tags,
                responsibleId,
                observerIds,
                placedAt,
                expectedTotal,
                paymentTerms,
                customFields);
    }

    /** The shop's own fields by key; none given (null) by default, as a marketplace order. */
    public AnOrder customFields(java.util.Map<String, Object> value) {
        customFields = value;
        return this;
    }
}
