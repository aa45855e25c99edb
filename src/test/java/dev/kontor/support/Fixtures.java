package dev.kontor.support;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Actor;
import dev.kontor.access.ApiTokens;
import dev.kontor.access.Role;
import dev.kontor.access.Users;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.Product;
import dev.kontor.catalog.ProductInput;
import dev.kontor.fulfillment.ShipmentRequest;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderInput;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.Orders;
import dev.kontor.shared.Address;
import org.springframework.beans.factory.annotation.Autowired;

/** Builds what tests need: users with roles, tokens, customers and orders, through the real services. */
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Orders orders;

    @Autowired
    OrderIntake orderIntake;

    @Autowired
    Catalog catalog;

    @Autowired
    Inventory inventory;

    @Autowired
    Shipments shipments;

    /** A product with one variant per code, each with an EUR price of 29.90, optionally backorderable. */
    public Product product(String code, boolean backorder, String... skus) {
        List<ProductInput.VariantInput> variants = new ArrayList<>();
        for (String sku : skus) {
            variants.add(new ProductInput.VariantInput(
                    sku,
                    Map.of("colour", "blue"),
                    null,
                    backorder,
                    "Zhejiang Linen Mill",
                    1200L,
                    "CNY",
                    5,
                    Map.of("EUR", 2990L)));
        }
        return catalog.create(Actor.system("test"), new ProductInput(code, "Product " + code, variants));
    }

    /** Ships everything still open on the order. */
    public void ship(Actor actor, long orderId) {
        Order order = orders.get(orderId);
        shipments.record(
                actor,
                orderId,
                new ShipmentRequest(
                        "DHL",
                        null,
                        null,
                        order.lines().stream()
                                .map(l -> new ShipmentRequest.Line(l.id(), l.openQuantity()))
                                .toList()));
    }

    /** Goods in, as the warehouse books them. */
    public void receive(String sku, int quantity) {
        inventory.receive(Actor.system("test"), sku, null, quantity, "test delivery");
    }

    /** A user with these roles (every role when none are given), password {@link #PASSWORD}. */
    public Actor user(String username, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.allOf(Role.class) : EnumSet.of(roles[0], roles);
        String displayName = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        return users.create(
                        Actor.system("test"),
                        username,
                        displayName,
                        username + "@example.com",
                        PASSWORD,
                        null,
                        set.stream().map(Role::name).toList())
                .asActor();
    }

    public String token(Actor actor) {
        return tokens.issue(actor, "test").token();
    }

    public static Address address(String name, String country) {
        return switch (country) {
            case "CN" -> new Address(name, null, "文一西路 969 号", null, "310000", "杭州", "浙江", "CN", "+86 138 0013 8000");
            case "NO" -> new Address(name, null, "Storgata 1", null, "0155", "Oslo", null, "NO", "+47 912 34 567");
            default -> new Address(name, null, "Hauptstraße 12", null, "50667", "Köln", null, "DE", "+49 221 123456");
        };
    }

    public static OrderInput.LineInput line(String sku, long unitPrice, int quantity) {
        return new OrderInput.LineInput(
                sku, "Item " + sku, Map.of("colour", "blue", "size", "M"), unitPrice, quantity, null, 1900);
    }

    /** An order input for a new person customer in Germany, in EUR (see {@link AnOrder} to say more). */
    public static OrderInput input(String channel, String externalId, OrderInput.LineInput... lines) {
        return AnOrder.from(channel).externalId(externalId).lines(lines).build();
    }

    public Order order(Actor actor, boolean draft) {
        return orderIntake
                .place(actor, input("MANUAL", null, line("SHIRT-BLUE-M", 2990, 2), line("CAP-RED", 1500, 1)), draft)
                .order();
    }
}
