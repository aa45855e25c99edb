package dev.kontor;

import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.kontor.access.Actor;
import dev.kontor.access.ApiTokens;
import dev.kontor.access.IssuedToken;
import dev.kontor.access.Users;
import dev.kontor.bulk.BulkJob;
import dev.kontor.bulk.BulkJobWorker;
import dev.kontor.bulk.BulkJobs;
import dev.kontor.catalog.Catalog;
import dev.kontor.catalog.Inventory;
import dev.kontor.catalog.ProductInput;
import dev.kontor.catalog.Reservations;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.documents.jobs.MailSenderJob;
import dev.kontor.integration.OrderEvents;
import dev.kontor.integration.WebhookDispatcher;
import dev.kontor.integration.Webhooks;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderIntake;
import dev.kontor.payments.Checkout;
import dev.kontor.payments.Checkouts;
import dev.kontor.payments.PaymentLink;
import dev.kontor.payments.PaymentLinks;
import dev.kontor.payments.PaymentState;
import dev.kontor.payments.jobs.PaymentReconciler;
import dev.kontor.support.Fixtures;
import dev.kontor.workbench.BulkAction;
import dev.kontor.workbench.OrderBulk;
import dev.kontor.workbench.internal.ListQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Kontor instances on one PostgreSQL (issue 20): a user signed in on one goes on on the other (the session lives
 * in the database); the jobs every instance runs — bulk jobs, the mail outbox, count folding, draft-hold expiry, the
 * event sequencer and the webhooks — do each item exactly once while both run them at the same moment. (An instance
 * killed in the middle of a bulk job: {@code KillDuringImportTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesTest {

    private static final String PASSWORD = "li-na-password-1";

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;
    GreenMail smtp;
    Actor lina;

    @BeforeAll
    void start(@TempDir Path folder) throws Exception {
        smtp = new GreenMail(new ServerSetup(13027, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        a = node("--kontor.embedded-db.port=0", "--kontor.embedded-db.data-dir=" + folder.resolve("postgres"));
        String url;
        String user;
        try (var connection = a.getBean(DataSource.class).getConnection()) {
            url = connection.getMetaData().getURL();
            user = connection.getMetaData().getUserName();
        }
        b = node("--spring.datasource.url=" + url, "--spring.datasource.username=" + user);
        lina = a.getBean(Users.class)
                .create(Actor.system("test"), "li.na", "Li Na", null, PASSWORD, null, List.of("SUPERVISOR", "ADMIN"))
                .asActor();
    }

    /** An instance whose jobs run only when the test says so. */
    private static ConfigurableApplicationContext node(String... database) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--kontor.demo.enabled=false",
                "--kontor.admin.password=first-admin-password",
                "--kontor.bulk.poll-interval=PT1H",
                "--kontor.mail.poll-interval=PT1H",
                "--kontor.payments.reconcile-interval=PT1H",
                "--kontor.activities.reminder-check=PT1H",
                "--kontor.events.sequence-interval=PT1H",
                "--kontor.webhooks.interval=PT1H",
                "--kontor.webhooks.allow-localhost=true",
                "--kontor.orders.fold-counts-interval=PT1H",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=13027",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(database));
        return new SpringApplicationBuilder(KontorApplication.class).run(args.toArray(String[]::new));
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private JdbcClient jdbc() {
        return a.getBean(JdbcClient.class);
    }

    /** Runs the same work on both instances at the same moment. */
    private static <T> List<T> both(Callable<T> onA, Callable<T> onB) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        try {
            Future<T> x = two.submit(() -> {
                ready.countDown();
                ready.await();
                return onA.call();
            });
            Future<T> y = two.submit(() -> {
                ready.countDown();
                ready.await();
                return onB.call();
            });
            return List.of(x.get(120, TimeUnit.SECONDS), y.get(120, TimeUnit.SECONDS));
        } finally {
            two.shutdown();
        }
    }

    private List<Order> orders(int n) {
        OrderIntake intake = a.getBean(OrderIntake.class);
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            placed.add(intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("SHIRT-BLUE-M", 2990, 1)), false)
                    .order());
        }
        return placed;
    }

    @Test
    void signedInOnOneGoesOnOnTheOther() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager()) // cookies are per host, not per port: one browser, two nodes
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
        String form = "username=li.na&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(a) + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> onB = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/orders?lang=en"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Li Na").contains("Sign out");
    }

    @Test
    void aTokenRevokedOnOneStopsOnTheOtherWithinTheTokenCachesTime() throws Exception {
        ApiTokens tokens = a.getBean(ApiTokens.class);
        IssuedToken issued = tokens.issue(lina, "two nodes");
        HttpClient client = HttpClient.newHttpClient();
        Callable<Integer> onA = () -> status(client, a, issued.token());
        Callable<Integer> onB = () -> status(client, b, issued.token());
        assertThat(List.of(onA.call(), onB.call())).containsExactly(200, 200); // both remember it now

        tokens.revoke(lina, issued.info().id());
        long revoked = System.nanoTime();
        assertThat(onA.call()).as("on the instance that revoked it: at once").isEqualTo(401);
        while (onB.call() != 401 && System.nanoTime() - revoked < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(50);
        }
        assertThat(onB.call()).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revoked))
                .as("on the other: within kontor.api.token-cache-ttl (2 s)")
                .isLessThan(Duration.ofMillis(3500));
    }

    private static int status(HttpClient client, ConfigurableApplicationContext node, String token) throws Exception {
        return client.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port(node) + "/api/orders?size=1"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    void aBulkJobWorkedByBothDoesEveryOrderOnce() throws Exception {
        List<Order> placed = orders(120);
        BulkJob job = a.getBean(OrderBulk.class)
                .start(
                        lina,
                        BulkAction.APPROVE,
                        null,
                        placed.stream().map(Order::id).toList());
        BulkJobs jobs = a.getBean(BulkJobs.class);
        BulkJobWorker workerA = a.getBean(BulkJobWorker.class);
        BulkJobWorker workerB = b.getBean(BulkJobWorker.class);
        for (int round = 0; round < 50 && !jobs.progress(job.id()).orElseThrow().finished(); round++) {
            both(workerA::run, workerB::run);
        }
        assertThat(jobs.progress(job.id()).orElseThrow().finished()).isTrue();
        assertThat(jdbc().sql("""
                        SELECT count(*) FROM orders o WHERE o.id IN (:ids) AND o.lifecycle = 'APPROVED'
                          AND (SELECT count(*) FROM timeline_entries t WHERE t.subject_type = 'order'
                               AND t.subject_id = o.id AND t.action = 'order.approve') = 1""")
                        .param("ids", placed.stream().map(Order::id).toList())
                        .query(Integer.class)
                        .single())
                .as("approved once each")
                .isEqualTo(placed.size());
    }

    @Test
    void theMailOutboxAndCountFoldingOnBothDoEachItemOnce() throws Exception {
        Mail mail = a.getBean(Mail.class);
        a.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
            for (int i = 0; i < 40; i++) {
                mail.queue(new MailMessage(
                        "webhook-disabled",
                        null,
                        null,
                        "customer" + i + "@example.com",
                        Locale.ENGLISH,
                        "mail.webhook.subject",
                        new Object[] {"test " + i},
                        Map.of("url", "https://erp.example.com", "window", 72, "link", "http://localhost")));
            }
        });
        both(
                () -> {
                    a.getBean(MailSenderJob.class).run();
                    return 0;
                },
                () -> {
                    b.getBean(MailSenderJob.class).run();
                    return 0;
                });
        assertThat(smtp.waitForIncomingEmail(10_000, 40)).isTrue();
        Thread.sleep(500); // anything sent twice would arrive now
        // this test's 40 (another test's invoices may be in the same outbox and go out with them)
        List<String> ours = new ArrayList<>();
        for (var message : smtp.getReceivedMessages()) {
            String to = message.getAllRecipients()[0].toString();
            if (to.matches("customer\\d+@example\\.com")) {
                ours.add(to);
            }
        }
        assertThat(ours).hasSize(40).doesNotHaveDuplicates();

        orders(30);
        both(
                () -> {
                    a.getBean(ListQueries.class).foldCounts();
                    return 0;
                },
                () -> {
                    b.getBean(ListQueries.class).foldCounts();
                    return 0;
                });
        assertThat(jdbc().sql("SELECT count(*) FROM (SELECT 1 FROM order_counts GROUP BY lifecycle, payment_status, "
                                + "fulfilment_status, channel, flagged HAVING count(*) > 1) twice")
                        .query(Long.class)
                        .single())
                .as("folded: one row per bucket")
                .isZero();
        long counted = jdbc().sql("SELECT coalesce(sum(delta), 0) FROM order_counts")
                .query(Long.class)
                .single();
        long real = jdbc().sql("SELECT count(*) FROM orders").query(Long.class).single();
        assertThat(counted).as("the folded counts add up to the orders").isEqualTo(real);
    }

    @Test
    void thePaymentReconcilerOnBothAsksAboutEachPaymentOnce() throws Exception {
        // 20 drafts paid through their links with the test card that times out: the payments wait as UNKNOWN
        List<Long> drafts = new ArrayList<>();
        OrderIntake intake = a.getBean(OrderIntake.class);
        for (int i = 0; i < 20; i++) {
            Order draft = intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("LINK-TEE", 2990, 1)), true)
                    .order();
            PaymentLink link = a.getBean(PaymentLinks.class).sendInvoice(lina, draft.id());
            Checkout.Result paid = a.getBean(Checkouts.class)
                    .pay(
                            link.token(),
                            new Checkout.Input(
                                    null,
                                    Checkouts.AGREED_SHIPPING,
                                    "test-card",
                                    Map.of("cardNumber", "4000 0000 0000 0119")));
            assertThat(paid.state()).isEqualTo(PaymentState.UNKNOWN);
            drafts.add(draft.id());
        }
        jdbc().sql("UPDATE payments SET next_check_at = now() - interval '1 minute' WHERE state = 'UNKNOWN'")
                .update();

        List<Integer> asked = both(
                () -> a.getBean(PaymentReconciler.class).reconcileDue(),
                () -> b.getBean(PaymentReconciler.class).reconcileDue());

        assertThat(asked.get(0) + asked.get(1))
                .as("each payment asked about by one of them")
                .isEqualTo(20);
        for (long id : drafts) {
            assertThat(jdbc().sql("SELECT state FROM payments WHERE order_id = :id")
                            .param("id", id)
                            .query(String.class)
                            .list())
                    .as("order " + id + ": one payment, settled")
                    .containsExactly("SUCCEEDED");
            assertThat(jdbc().sql("SELECT count(*) FROM order_events WHERE order_id = :id AND type = 'order.paid'")
                            .param("id", id)
                            .query(Long.class)
                            .single())
                    .as("order " + id + " paid once")
                    .isEqualTo(1);
        }
    }

    @Test
    void expiredDraftHoldsAreReleasedOnceWhileBothReleaseThem() throws Exception {
        a.getBean(Catalog.class)
                .create(
                        Actor.system("test"),
                        new ProductInput(
                                "HOLD",
                                "Product HOLD",
                                List.of(new ProductInput.VariantInput(
                                        "HOLD-1",
                                        Map.of("colour", "blue"),
                                        null,
                                        false,
                                        "Zhejiang Linen Mill",
                                        1200L,
                                        "CNY",
                                        5,
                                        Map.of("EUR", 2990L)))));
        a.getBean(Inventory.class).receive(Actor.system("test"), "HOLD-1", null, 100, "test delivery");
        OrderIntake intake = a.getBean(OrderIntake.class);
        for (int i = 0; i < 30; i++) {
            intake.place(lina, Fixtures.input("MANUAL", null, Fixtures.line("HOLD-1", 2990, 2)), true);
        }
        jdbc().sql("UPDATE reservations SET expires_at = now() - interval '1 minute' WHERE expires_at IS NOT NULL")
                .update();
        Actor job = Actor.system("reservation expiry");
        List<Integer> released = both(
                () -> a.getBean(Reservations.class).releaseExpired(job, 200),
                () -> b.getBean(Reservations.class).releaseExpired(job, 200));
        assertThat(released.get(0) + released.get(1))
                .as("every hold released by one of them")
                .isEqualTo(30);
        assertThat(a.getBean(Inventory.class).check()).as("the stock adds up").isEmpty();
    }

    @Test
    void eventsAreSequencedAndWebhooksSentOnceWhileBothRunThem() throws Exception {
        ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
        HttpServer erp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        erp.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Kontor-Event-Id"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        erp.setExecutor(Executors.newFixedThreadPool(4));
        erp.start();
        try {
            a.getBean(Webhooks.class)
                    .subscribe(
                            lina,
                            new Webhooks.Definition(
                                    "http://127.0.0.1:" + erp.getAddress().getPort() + "/hook", null, List.of()));
            List<Order> placed = orders(25);
            for (int round = 0; round < 10; round++) {
                both(
                        () -> a.getBean(OrderEvents.class).sequence().orElse(0),
                        () -> b.getBean(OrderEvents.class).sequence().orElse(0));
                both(
                        () -> a.getBean(WebhookDispatcher.class).run(10),
                        () -> b.getBean(WebhookDispatcher.class).run(10));
            }
            long events = jdbc().sql("SELECT count(*) FROM order_events WHERE order_id IN (:ids)")
                    .param("ids", placed.stream().map(Order::id).toList())
                    .query(Long.class)
                    .single();
            assertThat(events).isEqualTo(placed.size());
            assertThat(jdbc().sql(
                                    "SELECT count(DISTINCT position) = count(*) FROM order_events WHERE position IS NOT NULL")
                            .query(Boolean.class)
                            .single())
                    .as("every cursor given once")
                    .isTrue();
            assertThat(received).hasSizeGreaterThanOrEqualTo(placed.size()).doesNotHaveDuplicates();
        } finally {
            erp.stop(0);
        }
    }
}
