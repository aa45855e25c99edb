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

    /**
     * A customer whose name, company, country and phone are those of their address (a company's phone is its
     * landline), paying with Alipay when an account is given.
     */
    private long customer(CustomerKind kind, String language, String email, String alipay, Address address) {
        boolean company = kind == CustomerKind.COMPANY;
        return customers
                .create(CustomerDetails.of(
                        kind,
                        address.name(),
                        address.company(),
                        address.country(),
                        language,
                        email,
                        company ? null : address.phone(),
                        company ? address.phone() : null,
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
        Team team = colleagues();
        stock(team.ola(), team.jonas());
        People people = customers();
        DemoOrders d = new DemoOrders(services);
        marketplaceOrders(d, team, people);
        abroadOrders(d, team, people);
        shopOrders(d, team, people);
        salesOrders(d, team, people);
        d.finish();
    }

    /** The colleagues, one per role, each in their own language. */
    private record Team(Actor liNa, Actor jonas, Actor ingrid, Actor sven, Actor ola, Actor wangLei, Actor shop) {}

    private Team colleagues() {
        Actor liNa = colleague("li.na", "Li Na", "zh_CN", Role.CUSTOMER_SERVICE);
        Actor jonas = colleague("jonas", "Jonas Becker", "de", Role.WAREHOUSE);
        Actor ingrid = colleague("ingrid", "Ingrid Hansen", "nb", Role.FINANCE);
        Actor sven = colleague("sven", "Sven Meyer", "de", Role.SALES);
        Actor wangLei = colleague("wang.lei", "Wang Lei", "zh_CN", Role.SUPERVISOR);
        Actor ola = colleague("ola", "Ola Berg", "nb", Role.PURCHASING);
        Actor shop = Actor.system("web shop");
        return new Team(liNa, jonas, ingrid, sven, ola, wangLei, shop);
    }

    /** The customers, by the names the demo orders use. */
    private record People(
            long zhang,
            long wang,
            long chen,
            long hangzhou,
            long jana,
            long mueller,
            long kari,
            long nordlys,
            long john) {}

    private People customers() {
        return new People(
                customer(
                        CustomerKind.PERSON, "zh_CN", "zhang.wei@example.cn", "zhang.wei@163.com", DemoAddresses.ZHANG),
                customer(CustomerKind.PERSON, "zh_CN", null, "wangfang88@alipay.example", DemoAddresses.WANG),
                customer(
                        CustomerKind.PERSON,
                        "zh_CN",
                        "chen.jing@example.cn",
                        "chenjing@taobao.example",
                        DemoAddresses.CHEN),
                customer(CustomerKind.COMPANY, "zh_CN", "purchase@xihu-trading.example", null, DemoAddresses.HANGZHOU),
                customer(CustomerKind.PERSON, "de", "jana.schmidt@example.de", null, DemoAddresses.JANA),
                customer(CustomerKind.COMPANY, "de", "einkauf@mueller-textil.example", null, DemoAddresses.MUELLER),
                customer(CustomerKind.PERSON, "nb", "kari.nordmann@example.no", null, DemoAddresses.KARI),
                customer(CustomerKind.COMPANY, "nb", "ordre@nordlys.example", null, DemoAddresses.NORDLYS),
                customer(CustomerKind.PERSON, "en", "john.smith@example.com", null, DemoAddresses.JOHN));
    }

    /** Taobao and Tmall: Chinese customers paying with Alipay, shipped with SF Express or YTO. */
    private void marketplaceOrders(DemoOrders d, Team team, People people) {
        Actor liNa = team.liNa();
        Actor jonas = team.jonas();
        Actor ingrid = team.ingrid();
        long zhang = people.zhang();
        long wang = people.wang();
        long chen = people.chen();
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
                .cancel(team.wangLei(), "客户退款，订单作废") // customer service's cancel would wait for him
                .note(ingrid, "FINANCE", "已全额退款至支付宝。");
        d.order(liNa, "TAOBAO", "3141592653589004", chen, "CNY", 1300, 0, SHIRT_BLUE_L.line("zh", "CNY", 1, 1300))
                .hold(liNa, "地址不完整，已联系客户确认");
    }

    /** eBay and Amazon: buyers abroad. */
    private void abroadOrders(DemoOrders d, Team team, People people) {
        Actor jonas = team.jonas();
        Actor ingrid = team.ingrid();
        Actor sven = team.sven();
        long kari = people.kari();
        long john = people.john();
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
    }

    /** Shopify and the own web shop: orders that arrive by themselves. */
    private void shopOrders(DemoOrders d, Team team, People people) {
        Actor liNa = team.liNa();
        Actor jonas = team.jonas();
        Actor ingrid = team.ingrid();
        Actor shop = team.shop();
        long jana = people.jana();
        long kari = people.kari();
        long nordlys = people.nordlys();
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
    }

    /** The sales team, writing orders for business customers by hand. */
    private void salesOrders(DemoOrders d, Team team, People people) {
        Actor jonas = team.jonas();
        Actor ingrid = team.ingrid();
        Actor sven = team.sven();
        long hangzhou = people.hangzhou();
        long jana = people.jana();
        long mueller = people.mueller();
        long nordlys = people.nordlys();
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
    }
}
