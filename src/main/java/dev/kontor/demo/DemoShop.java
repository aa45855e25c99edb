package dev.kontor.demo;

import java.time.Clock;
import java.util.List;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.access.Users;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.ProductInput;
import dev.kontor.customers.CustomerDetails;
import dev.kontor.customers.CustomerKind;
import dev.kontor.customers.Customers;
import dev.kontor.fulfillment.Shipments;
import dev.kontor.orders.OrderIntake;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.orders.OrderNotes;
import dev.kontor.orders.Orders;
import dev.kontor.orders.PaymentTerms;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.Payments;
import dev.kontor.shared.Address;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.kontor.demo.DemoCatalog.CAP_BLACK;
import static dev.kontor.demo.DemoCatalog.JACKET_NAVY_M;
import static dev.kontor.demo.DemoCatalog.JACKET_NAVY_XL;
import static dev.kontor.demo.DemoCatalog.SCARF_GREEN;
import static dev.kontor.demo.DemoCatalog.SCARF_RED;
import static dev.kontor.demo.DemoCatalog.SHIRT_BLUE_L;
import static dev.kontor.demo.DemoCatalog.SHIRT_BLUE_M;
import static dev.kontor.demo.DemoCatalog.SHIRT_WHITE_M;
import static dev.kontor.demo.DemoCatalog.SOCKS_GREY;

/**
 * Seeds the demo shop once, on an empty database. One transaction under an advisory lock: two instances
 * starting together seed it once, and a failure leaves nothing half-made.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "kontor.demo.enabled", havingValue = "true")
class DemoShop implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoShop.class);

    private final DemoOrders.Services services;
    private final OrderLists lists;
    private final Users users;
    private final Customers customers;
    private final Catalog catalog;
    private final Inventory inventory;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final String password;

    DemoShop(
            Orders orders,
            OrderIntake intake,
            OrderLifecycle lifecycle,
            OrderNotes notes,
            OrderLists lists,
            Payments payments,
            PaymentLinks paymentLinks,
            Shipments shipments,
            Users users,
            Customers customers,
            Catalog catalog,
            Inventory inventory,
            TransactionTemplate transaction,
            JdbcClient jdbc,
            Clock clock,
            @Value("${kontor.demo.password:kontor-demo-password}") String password) {
        this.services =
                new DemoOrders.Services(orders, intake, lifecycle, notes, payments, paymentLinks, shipments, clock);
        this.lists = lists;
        this.users = users;
        this.customers = customers;
        this.catalog = catalog;
        this.inventory = inventory;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        Boolean seeded = transaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('kontor-demo-shop', 0))")
                    .query((rs, n) -> 1)
                    .single();
            if (lists.count(Actor.system("demo shop"), OrderFilter.all()) > 0
                    || users.byUsername("li.na").isPresent()) {
                return false;
            }
            seed();
            return true;
        });
        if (Boolean.TRUE.equals(seeded)) {
            log.info(
                    "Demo shop loaded: {} orders. Colleagues li.na, jonas, ingrid, sven, wang.lei, ola sign in "
                            + "with the password '{}' (demo only).",
                    lists.count(Actor.system("demo shop"), OrderFilter.all()),
                    password);
        }
    }

    private Actor colleague(String username, String name, String language, Role role) {
        return users.create(
                        Actor.system("demo shop"),
                        username,
                        name,
                        username + "@kontor.example",
                        password,
                        language,
                        List.of(role.name()))
                .asActor();
    }

    private long customer(
            CustomerKind kind,
            String name,
            String company,
            String country,
            String language,
            String email,
            String phone,
            String landline,
            String alipay,
            Address address) {
        return customers
                .create(CustomerDetails.of(
                        kind,
                        name,
                        company,
                        country,
                        language,
                        email,
                        phone,
                        landline,
                        alipay,
                        alipay == null ? null : "Alipay",
                        address))
                .id();
    }

    /** Products, a second warehouse in Hangzhou, and the goods received before the first order came in. */
    private void stock(Actor purchasing, Actor warehouse) {
        catalog.addLocation(Actor.system("demo shop"), "HZ", "Hangzhou", "CN");
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            catalog.create(
                    purchasing,
                    new ProductInput(
                            p.code(),
                            p.name(),
                            p.variants().stream().map(v -> v.input(p)).toList()));
        }
        for (DemoCatalog.DemoProduct p : DemoCatalog.PRODUCTS) {
            for (DemoCatalog.Stocked v : p.variants()) {
                if (v.receive() > 0) {
                    inventory.receive(
                            warehouse,
                            v.item().sku(),
                            v.location(),
                            v.receive(),
                            "Lieferschein LS-2026-" + v.item().sku());
                }
            }
        }
    }

    private void seed() {
        Actor liNa = colleague("li.na", "Li Na", "zh_CN", Role.CUSTOMER_SERVICE);
        Actor jonas = colleague("jonas", "Jonas Becker", "de", Role.WAREHOUSE);
        Actor ingrid = colleague("ingrid", "Ingrid Hansen", "nb", Role.FINANCE);
        Actor sven = colleague("sven", "Sven Meyer", "de", Role.SALES);
        colleague("wang.lei", "Wang Lei", "zh_CN", Role.SUPERVISOR);
        Actor ola = colleague("ola", "Ola Berg", "nb", Role.PURCHASING);
        Actor shop = Actor.system("web shop");
        stock(ola, jonas);

        long zhang = customer(
                CustomerKind.PERSON,
                "张伟",
                null,
                "CN",
                "zh_CN",
                "zhang.wei@example.cn",
                "+86 138 0013 8000",
                null,
                "zhang.wei@163.com",
                new Address("张伟", null, "文一西路 969 号", null, "310000", "杭州", "浙江", "CN", "+86 138 0013 8000"));
        long wang = customer(
                CustomerKind.PERSON,
                "王芳",
                null,
                "CN",
                "zh_CN",
                null,
                "+86 139 1234 5678",
                null,
                "wangfang88@alipay.example",
                new Address("王芳", null, "南京东路 300 号 1201 室", null, "200001", "上海", "上海", "CN", "+86 139 1234 5678"));
        long chen = customer(
                CustomerKind.PERSON,
                "陈静",
                null,
                "CN",
                "zh_CN",
                "chen.jing@example.cn",
                "+86 137 5555 0101",
                null,
                "chenjing@taobao.example",
                new Address("陈静", null, "天河路 385 号", null, "510620", "广州", "广东", "CN", "+86 137 5555 0101"));
        long hangzhou = customer(
                CustomerKind.COMPANY,
                "Zhou Min",
                "Hangzhou Xihu Trading Co., Ltd.",
                "CN",
                "zh_CN",
                "purchase@xihu-trading.example",
                null,
                "+86 571 8888 6666",
                null,
                new Address(
                        "Zhou Min",
                        "Hangzhou Xihu Trading Co., Ltd.",
                        "No. 18 Wensan Road",
                        "Xihu District",
                        "310012",
                        "Hangzhou",
                        "Zhejiang",
                        "CN",
                        "+86 571 8888 6666"));
        long jana = customer(
                CustomerKind.PERSON,
                "Jana Schmidt",
                null,
                "DE",
                "de",
                "jana.schmidt@example.de",
                "+49 170 1234567",
                null,
                null,
                new Address(
                        "Jana Schmidt", null, "Hauptstraße 12", null, "50667", "Köln", null, "DE", "+49 170 1234567"));
        long mueller = customer(
                CustomerKind.COMPANY,
                "Jürgen Müller",
                "Müller Textil GmbH",
                "DE",
                "de",
                "einkauf@mueller-textil.example",
                null,
                "+49 221 987650",
                null,
                new Address(
                        "Jürgen Müller",
                        "Müller Textil GmbH",
                        "Industriestraße 7",
                        null,
                        "51105",
                        "Köln",
                        null,
                        "DE",
                        "+49 221 987650"));
        long kari = customer(
                CustomerKind.PERSON,
                "Kari Nordmann",
                null,
                "NO",
                "nb",
                "kari.nordmann@example.no",
                "+47 912 34 567",
                null,
                null,
                new Address("Kari Nordmann", null, "Storgata 1", null, "0155", "Oslo", null, "NO", "+47 912 34 567"));
        long nordlys = customer(
                CustomerKind.COMPANY,
                "Ola Nordmann",
                "Nordlys Interiør AS",
                "NO",
                "nb",
                "ordre@nordlys.example",
                null,
                "+47 22 12 34 56",
                null,
                new Address(
                        "Ola Nordmann",
                        "Nordlys Interiør AS",
                        "Bryggen 4",
                        null,
                        "5003",
                        "Bergen",
                        null,
                        "NO",
                        "+47 22 12 34 56"));
        long john = customer(
                CustomerKind.PERSON,
                "John Smith",
                null,
                "US",
                "en",
                "john.smith@example.com",
                "+1 415 555 0100",
                null,
                null,
                new Address(
                        "John Smith",
                        null,
                        "500 Market Street",
                        "Apt 12",
                        "94105",
                        "San Francisco",
                        "CA",
                        "US",
                        "+1 415 555 0100"));

        DemoOrders d = new DemoOrders(services);
        // Taobao and Tmall: Chinese customers paying with Alipay, shipped with SF Express or YTO.
        d.order(
                        liNa,
                        "TAOBAO",
                        "3141592653589001",
                        zhang,
                        "CNY",
                        1300,
                        9,
                        SHIRT_BLUE_M.line("zh", "CNY", 2, 1300),
                        SCARF_RED.line("zh", "CNY", 1, 1300))
                .approve(liNa)
                .pay(ingrid, "ALIPAY", "2026111522001411110001")
                .ship(jonas, "SF Express", "SF1400023456781")
                .complete(liNa);
        d.order(
                        liNa,
                        "TAOBAO",
                        "3141592653589002",
                        wang,
                        "CNY",
                        1300,
                        3,
                        SHIRT_WHITE_M.line("zh", "CNY", 1, 1300),
                        SOCKS_GREY.line("zh", "CNY", 2, 1300))
                .approve(liNa)
                .pay(ingrid, "ALIPAY", "2026112022001411110002")
                .shipFirst(jonas, "YTO", "YT7788990011")
                .note(liNa, "SHIPPING", "客户要求用圆通发货；袜子缺货，先发衬衫。");
        d.order(liNa, "TAOBAO", "3141592653589003", chen, "CNY", 1300, 1, JACKET_NAVY_M.line("zh", "CNY", 1, 1300))
                .note(liNa, "INTERNAL", "客户问能否换成 XL，等待回复。");
        d.order(liNa, "TMALL", "9876543210001", zhang, "CNY", 1300, 2, SCARF_GREEN.line("zh", "CNY", 3, 1300))
                .approve(liNa)
                .pay(ingrid, "ALIPAY", "2026112122001411110003")
                .note(liNa, "SHIPPING", "送礼用：三条丝巾分开包装，不放发票。");
        d.order(liNa, "TMALL", "9876543210002", wang, "CNY", 1300, 6, CAP_BLACK.line("zh", "CNY", 1, 1300))
                .approve(liNa)
                .pay(ingrid, "ALIPAY", "2026111722001411110004")
                .refundAll(ingrid, "ALIPAY")
                .cancel(liNa, "客户退款，订单作废")
                .note(ingrid, "FINANCE", "已全额退款至支付宝。");
        d.order(liNa, "TAOBAO", "3141592653589004", chen, "CNY", 1300, 0, SHIRT_BLUE_L.line("zh", "CNY", 1, 1300))
                .hold(liNa, "地址不完整，已联系客户确认");
        // eBay and Amazon: buyers abroad.
        d.order(sven, "EBAY", "21-10456-77812", john, "USD", 0, 5, JACKET_NAVY_XL.line("en", "USD", 1, 0))
                .approve(sven)
                .pay(ingrid, "PAYPAL", "PAYID-M5X2Y7A")
                .ship(jonas, "UPS", "1Z999AA10123456784");
        d.order(sven, "EBAY", "21-10456-77813", john, "USD", 0, 1, SCARF_RED.line("en", "USD", 2, 0));
        d.order(
                        sven,
                        "AMAZON",
                        "302-1234567-7654321",
                        kari,
                        "NOK",
                        2500,
                        4,
                        SHIRT_BLUE_M.line("nb", "NOK", 1, 2500),
                        CAP_BLACK.line("nb", "NOK", 1, 2500))
                .approve(sven)
                .pay(ingrid, "CARD", "AMZ-PAY-88231")
                .partialRefund(ingrid, "CARD", 29900)
                .note(ingrid, "FINANCE", "Capsen kom skadet fram; refundert.");
        // Shopify and the own web shop: orders that arrive by themselves.
        d.order(shop, "SHOPIFY", "#1042", kari, "NOK", 2500, 2, SOCKS_GREY.line("nb", "NOK", 4, 2500))
                .approve(liNa)
                .pending(ingrid, "BANK_TRANSFER", "KID 1234567890");
        d.order(
                        shop,
                        "SHOPIFY",
                        "#1043",
                        nordlys,
                        "NOK",
                        2500,
                        0,
                        SCARF_GREEN.line("nb", "NOK", 10, 2500),
                        SCARF_RED.line("nb", "NOK", 10, 2500))
                .tag("b2b");
        d.order(
                        shop,
                        "WEBSHOP",
                        "WS-88120",
                        jana,
                        "EUR",
                        1900,
                        8,
                        SHIRT_WHITE_M.line("de", "EUR", 2, 1900),
                        SCARF_RED.line("de", "EUR", 1, 1900))
                .approve(liNa)
                .pay(ingrid, "PAYPAL", "5TY05013RG002845M")
                .ship(jonas, "DHL", "JJD000390007612345")
                .complete(liNa);
        d.order(shop, "WEBSHOP", "WS-88121", jana, "EUR", 1900, 1, JACKET_NAVY_M.line("de", "EUR", 1, 1900))
                .approve(liNa)
                .partialPay(ingrid, "BANK_TRANSFER", 5000, "Anzahlung");
        // The sales team, writing orders for business customers by hand.
        d.order(
                        sven,
                        "MANUAL",
                        null,
                        mueller,
                        "EUR",
                        1900,
                        7,
                        JACKET_NAVY_M.line("de", "EUR", 20, 1900),
                        JACKET_NAVY_XL.line("de", "EUR", 10, 1900))
                .net()
                .terms(PaymentTerms.Kind.NET_30)
                .approve(sven)
                .pay(ingrid, "BANK_TRANSFER", "RE-2026-0815")
                .shipFirst(jonas, "DPD", "01234567890123")
                .tag("b2b")
                .note(sven, "SHIPPING", "Rest (XL) kommt nächste Woche aus dem Lager Hamburg.");
        d.order(
                        sven,
                        "MANUAL",
                        null,
                        hangzhou,
                        "EUR",
                        0,
                        2,
                        SHIRT_BLUE_M.line("en", "EUR", 50, 0),
                        SHIRT_BLUE_L.line("en", "EUR", 50, 0))
                .net()
                .terms(PaymentTerms.Kind.NET_15)
                .tag("b2b")
                .tag("export")
                .approve(sven);
        d.order(sven, "MANUAL", null, nordlys, "NOK", 2500, 0, SOCKS_GREY.line("nb", "NOK", 30, 2500))
                .draft()
                .invoice(sven); // its invoice waits in the mail queue until a mail server is configured
        d.order(sven, "MANUAL", null, mueller, "EUR", 1900, 0, CAP_BLACK.line("de", "EUR", 100, 1900))
                .net()
                .terms(PaymentTerms.Kind.NET_30)
                .draft();
        d.order(sven, "MANUAL", null, jana, "EUR", 1900, 5, SCARF_GREEN.line("de", "EUR", 1, 1900))
                .cancel(sven, "Kundin hat doppelt bestellt");
        d.finish();
    }
}
