package dev.kontor.orders;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kontor.access.Actor;
import dev.kontor.access.Permissions;
import dev.kontor.access.Users;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.CatalogItem;
import dev.kontor.customers.ContactKind;
import dev.kontor.customers.Customer;
import dev.kontor.customers.Customers;
import dev.kontor.fields.CustomFields;
import dev.kontor.fields.FieldScope;
import dev.kontor.markets.Market;
import dev.kontor.markets.Markets;
import dev.kontor.orders.internal.ChannelRepository;
import dev.kontor.shared.Address;
import dev.kontor.shared.FieldProblem;
import dev.kontor.shared.InvalidInputException;
import dev.kontor.shared.Phones;
import dev.kontor.shared.Problems;
import dev.kontor.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Turns what a client wrote into an order's content: completes it from the market and the catalog, checks it as a
 * whole (every problem at once, each naming its field), and finds or creates its customer.
 */
@Component
class OrderInputs {

    private final Markets markets;
    private final Catalog catalog;
    private final Customers customers;
    private final Users users;
    private final Permissions permissions;
    private final ChannelRepository channels;
    private final CustomFields fields;

    OrderInputs(
            Markets markets,
            Catalog catalog,
            Customers customers,
            Users users,
            Permissions permissions,
            ChannelRepository channels,
            CustomFields fields) {
        this.fields = fields;
        this.markets = markets;
        this.catalog = catalog;
        this.customers = customers;
        this.users = users;
        this.permissions = permissions;
        this.channels = channels;
    }

    /**
     * The input completed by the market and the catalog ({@link #priced}) and checked; refused with every problem
     * at once. {@code previousCurrency} is the order's currency before an edit ({@code null} for a new order).
     */
    OrderInput checked(OrderInput written, String previousCurrency) {
        return checked(written, previousCurrency, catalog.items(skusOf(List.of(written))), channelCodes(), true);
    }

    /**
     * {@link #checked} for many new orders of a file, the catalog and the channels read once for all of them. A
     * file's custom field values are checked, but the file is not held to the required ones: it comes from elsewhere.
     */
    List<OrderInput> checkedAll(List<OrderInput> written) {
        Map<String, CatalogItem> items = catalog.items(skusOf(written));
        Set<String> codes = channelCodes();
        return written.stream()
                .map(in -> checked(in, null, items, codes, false))
                .toList();
    }

    /**
     * Checks every order of one request as {@link #checked} checks one, the catalog and the channels read once;
     * refused with every problem of every order at once, each field named with its order's place in the request
     * ({@code orders[3].lines[0].quantity}), added to {@code problems}. An order must say where it goes, or name a
     * customer who has an address: a batch places orders for review. A null entry is skipped. Answers the inputs as
     * checked (null where refused), so that the caller does not read the catalog and the channels again.
     */
    List<OrderInput> checkEach(List<OrderInput> written, String listField, Problems problems) {
        List<OrderInput> present = written.stream().filter(Objects::nonNull).toList();
        Map<String, CatalogItem> items = catalog.items(skusOf(present));
        Set<String> codes = channelCodes();
        List<OrderInput> checked = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            String at = listField + "[" + i + "].";
            OrderInput in = written.get(i);
            checked.add(null);
            if (in == null) {
                continue; // what the request itself got wrong is the caller's to say
            }
            try {
                checked.set(i, checked(in, null, items, codes, true));
            } catch (InvalidInputException refused) {
                refused.problems()
                        .forEach(p ->
                                problems.add(at + p.field(), p.code(), p.args().toArray()));
            }
            OrderInput.CustomerChoice customer = in.customer();
            boolean addressed = in.shippingAddress() != null
                    || customer == null // said by the check above
                    || customer.id() != null
                    || (customer.details() != null
                            && customer.details().addresses() != null
                            && !customer.details().addresses().isEmpty());
            if (!addressed) {
                problems.add(at + "shippingAddress", "validation.required");
            }
        }
        return checked;
    }

    private static List<String> skusOf(List<OrderInput> inputs) {
        return inputs.stream()
                .flatMap(in -> in.lines().stream())
                .map(OrderInput.LineInput::sku)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private OrderInput checked(
            OrderInput written,
            String previousCurrency,
            Map<String, CatalogItem> items,
            Set<String> channelCodes,
            boolean holdRequired) {
        Problems pricing = new Problems();
        OrderInput input = priced(written, previousCurrency, items, pricing);
        Problems problems = new Problems().addAll(pricing.list());
        Set<String> priced = pricing.list().stream().map(FieldProblem::field).collect(Collectors.toSet());
        problems.addAll(OrderInputRules.check(input, channelCodes).list().stream()
                .filter(p -> !priced.contains(p.field()))
                .toList());
        input = input.withCustomFields(fields.check(FieldScope.ORDER, input.customFields(), holdRequired, problems));
        if (input.customer() != null && input.customer().details() != null) {
            problems.addAll(customers
                    .check(
                            input.customer().details(),
                            "customer.",
                            input.customer().fieldNames())
                    .list());
        }
        problems.throwIfAny();
        return input;
    }

    /**
     * Completes what the writer left to the market and the catalog: the currency (the market's of the shipping
     * country) and, for lines whose code is in the catalog, the name, the attributes and the unit price (the list
     * price in the order's currency). When a draft moves to another currency (another market), its catalog lines
     * are repriced from the catalog in the new currency. A catalog line without a price in that currency is
     * reported in {@code problems}.
     */
    private OrderInput priced(
            OrderInput in, String previousCurrency, Map<String, CatalogItem> items, Problems problems) {
        String currency = currency(in);
        boolean newCurrency = previousCurrency != null && currency != null && !currency.equals(previousCurrency);
        List<OrderInput.LineInput> lines = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            OrderInput.LineInput line = in.lines().get(i);
            CatalogItem item =
                    line.sku() == null ? null : items.get(line.sku().strip().toUpperCase(Locale.ROOT));
            if (item == null) {
                lines.add(line);
                continue;
            }
            Long price = line.unitPrice();
            if (price == null || newCurrency) {
                price = item.price(currency).orElse(null);
                if (price == null && currency != null) {
                    problems.add(
                            "lines[" + i + "].unitPrice", "validation.price.not-in-currency", item.sku(), currency);
                }
            }
            lines.add(new OrderInput.LineInput(
                    line.sku(),
                    Text.clean(line.name()) == null ? item.productName() : line.name(),
                    line.attributes() == null || line.attributes().isEmpty() ? item.attributes() : line.attributes(),
                    price,
                    line.quantity(),
                    line.discount(),
                    line.taxRate()));
        }
        return in.withPricing(currency, lines);
    }

    /** The currency written, or the market's of the shipping country. */
    private String currency(OrderInput in) {
        if (Text.clean(in.currency()) != null) {
            return in.currency().strip().toUpperCase(Locale.ROOT);
        }
        Address to = in.shippingAddress();
        return markets.forCountry(to == null ? null : to.country())
                .map(Market::currency)
                .orElse(null);
    }

    private Set<String> channelCodes() {
        return channels.findAll().stream().map(Channel::code).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The content a checked input describes, its customer found or created. Orders written by hand belong to their
     * writer; so does any order made by someone who sees only their own orders (a salesperson would otherwise lose
     * sight of the order they just made).
     */
    OrderContent contentOf(Actor actor, OrderInput in) {
        return resolved(actor, in).content();
    }

    /** {@link #contentOf} with the customer as found or created, for whoever needs both (the intake). */
    Resolved resolved(Actor actor, OrderInput in) {
        Customer customer = resolveCustomer(in);
        return new Resolved(contentOf(actor, in, customer, permissions.seesAllOrders(actor)), customer);
    }

    /**
     * {@link #contentOf} for many new orders of one actor: the customers that the inputs describe (none named by
     * id) found or created together ({@link Customers#findOrCreateAll}).
     */
    List<Resolved> contentsOf(Actor actor, List<OrderInput> inputs) {
        List<Customer> found = customers.findOrCreateAll(
                inputs.stream().map(in -> in.customer().details()).toList(),
                "customer.",
                inputs.isEmpty() ? null : inputs.get(0).customer().fieldNames());
        boolean seesAll = permissions.seesAllOrders(actor);
        List<Resolved> contents = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            contents.add(new Resolved(contentOf(actor, inputs.get(i), found.get(i), seesAll), found.get(i)));
        }
        return contents;
    }

    /** A new order's content and its customer, as found or created. */
    record Resolved(OrderContent content, Customer customer) {}

    private OrderContent contentOf(Actor actor, OrderInput in, Customer customer, boolean seesAll) {
        checkUsers(in);
        Long responsible = in.responsibleId() != null
                ? in.responsibleId()
                : "MANUAL".equals(in.channel()) || !seesAll ? actor.userId() : null;
        String email = Text.clean(in.email()) != null
                ? in.email().strip()
                : customer.first(ContactKind.EMAIL).orElse(null);
        String phone = Text.clean(in.phone()) != null
                ? Phones.kept(in.phone(), phoneRegion(in, customer))
                : customer.first(ContactKind.PHONE).orElse(null);
        return written(in)
                .customer(customer.id(), customer.displayName())
                .email(email)
                .phone(phone)
                .shippingAddress(
                        in.shippingAddress() != null
                                ? in.shippingAddress()
                                : customer.address().orElse(null))
                // the customer's own billing address when the order names neither address
                .billingAddress(
                        in.billingAddress() != null || in.shippingAddress() != null
                                ? in.billingAddress()
                                : customer.billingAddress().orElse(null))
                .responsibleId(responsible)
                .build();
    }

    /** Where a phone without country code is read from: the shipping address, the customer, the shop. */
    private String phoneRegion(OrderInput in, Customer customer) {
        if (in.shippingAddress() != null && Text.clean(in.shippingAddress().country()) != null) {
            return in.shippingAddress().country();
        }
        return customer.country() != null ? customer.country() : customers.homeCountry();
    }

    /** The content the input describes, without resolving or creating its customer: for judging discounts. */
    static OrderContent preview(OrderInput in) {
        return OrderContent.builder()
                .customer(0, "")
                .currency(in.currency())
                .pricesIncludeTax(OrderInputRules.includesTax(in))
                .lines(OrderInputRules.lines(in))
                .shipping(OrderInputRules.value(in.shipping()))
                .discount(OrderInputRules.value(in.discount()))
                .build();
    }

    /** What the input itself says, before its customer is known. */
    private static OrderContent.Builder written(OrderInput in) {
        return OrderContent.builder()
                .billingAddress(in.billingAddress())
                .shippingAddress(in.shippingAddress())
                .currency(in.currency())
                .pricesIncludeTax(OrderInputRules.includesTax(in))
                .lines(OrderInputRules.lines(in))
                .shipping(OrderInputRules.value(in.shipping()))
                .discount(OrderInputRules.value(in.discount()))
                .paymentMethod(Text.clean(in.paymentMethod()))
                .tags(in.tags())
                .responsibleId(in.responsibleId())
                .observerIds(in.observerIds())
                .paymentTerms(in.paymentTerms())
                .customFields(in.customFields());
    }

    /** A submitted order must be complete enough to review: lines and somewhere to ship them. */
    static void requireReadyForReview(OrderContent content) {
        if (content.shippingAddress() == null) {
            throw InvalidInputException.of("shippingAddress", "validation.required");
        }
    }

    private Customer resolveCustomer(OrderInput in) {
        OrderInput.CustomerChoice choice = in.customer();
        if (choice.id() != null) {
            return customers
                    .find(choice.id())
                    .orElseThrow(
                            () -> InvalidInputException.of("customer.id", "validation.customer.unknown", choice.id()));
        }
        return customers.findOrCreate(choice.details(), "customer.", choice.fieldNames());
    }

    private void checkUsers(OrderInput in) {
        Set<Long> ids = new HashSet<>(in.observerIds());
        if (in.responsibleId() != null) {
            ids.add(in.responsibleId());
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, String> known = users.displayNames(ids);
        Problems problems = new Problems();
        if (in.responsibleId() != null && !known.containsKey(in.responsibleId())) {
            problems.add("responsibleId", "validation.user.unknown", in.responsibleId());
        }
        in.observerIds().stream()
                .filter(id -> !known.containsKey(id))
                .findFirst()
                .ifPresent(id -> problems.add("observerIds", "validation.user.unknown", id));
        problems.throwIfAny();
    }
}
