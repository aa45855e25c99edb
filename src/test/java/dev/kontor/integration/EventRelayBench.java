package dev.kontor.integration;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.bench.CpuClock;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's relay figures: how many order events a second one Kontor instance sends out — as signed webhook
 * deliveries to 1 and to 8 subscriptions (a receiver on this machine that answers 200 at once), and to Kafka (an
 * embedded KRaft broker in this JVM). The events are real: N orders placed through the intake, one
 * {@code order.placed} each, sequenced by the sequencer; a subscription is fed them by a replay from cursor 0, and the
 * dispatcher then runs round after round as its job does, without the pause between rounds. Reports events and
 * deliveries per second and CPU per delivery in the JVM and in PostgreSQL. Not a test (surefire does not pick up
 * "*Bench"): run {@code bench/events.sh [orders]}.
 */
@KontorTest
class EventRelayBench {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Webhooks webhooks;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    OrderEvents events;

    @Autowired
    OrderEventRepository stored;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void relay() throws Exception {
        int orders = Integer.getInteger("bench.orders", 3000);
        Actor admin = fixtures.user("ada", Role.ADMIN, Role.SUPERVISOR);
        for (int i = 0; i < orders; i++) {
            fixtures.order(admin, false);
        }
        while (events.sequence().orElse(0) > 0) {
            // until every event has its cursor
        }
        long eventCount =
                jdbc.sql("SELECT count(*) FROM order_events").query(Long.class).single();

        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext(
                "/slow/",
                exchange -> { // an endpoint 20 ms away, as one across a country is
                    exchange.getRequestBody().readAllBytes();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    received.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        receiver.setExecutor(Executors.newFixedThreadPool(16));
        receiver.start();
        List<String> rows = new ArrayList<>();
        try {
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook/";
            rows.add(webhooksRow(admin, url, 1, eventCount, received));
            rows.add(webhooksRow(admin, url, 8, eventCount, received));
            rows.add(webhooksRow(admin, url.replace("/hook/", "/slow/"), 1, eventCount, received)
                    .replace("1 subscription", "1 subscription answering in 20 ms"));
        } finally {
            receiver.stop(0);
        }
        rows.add(kafkaRow(eventCount));

        StringBuilder report = new StringBuilder()
                .append(String.format(
                        Locale.ROOT,
                        "Event relay bench, %s, %d cores, Java %s: %,d order events (one per order placed)%n%n",
                        LocalDateTime.now().withNano(0),
                        Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"),
                        eventCount))
                .append(
                        "| relay | deliveries | seconds | events/s | deliveries/s | CPU ms per delivery (JVM / PostgreSQL) |\n")
                .append("|---|---:|---:|---:|---:|---|\n");
        rows.forEach(row -> report.append(row).append('\n'));
        System.out.println(report);
        Path results = Path.of("bench", "results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("events-" + System.currentTimeMillis() + ".md"), report);
    }

    /** N subscriptions, each fed every event by a replay from cursor 0, then the dispatcher until nothing is due. */
    private String webhooksRow(Actor admin, String url, int subscriptions, long eventCount, AtomicLong received) {
        webhooks.all(admin).forEach(w -> webhooks.delete(admin, w.id()));
        received.set(0);
        for (int i = 0; i < subscriptions; i++) {
            long id = webhooks.subscribe(admin, new Webhooks.Definition(url + i, "bench " + i, List.of()))
                    .webhook()
                    .id();
            webhooks.replay(admin, id, 0L, null);
        }
        CpuClock cpu = CpuClock.now();
        long start = System.nanoTime();
        while (dispatcher.run(500) > 0) {
            // round after round, as the job runs
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuClock used = CpuClock.now().since(cpu);
        long deliveries = received.get();
        assertThat(deliveries).isEqualTo(eventCount * subscriptions);
        return row(
                "webhooks, " + subscriptions + " subscription" + (subscriptions > 1 ? "s" : ""),
                deliveries,
                eventCount,
                seconds,
                used);
    }

    private String kafkaRow(long eventCount) throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, "kontor.order-events");
        broker.afterPropertiesSet();
        try {
            DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
            KafkaRelay relay = new KafkaRelay(
                    stored, events, kafka, jdbc, transaction, "kontor.order-events", Duration.ofSeconds(30));
            CpuClock cpu = CpuClock.now();
            long start = System.nanoTime();
            long sent = 0;
            for (int round; (round = relay.relay(500)) > 0; ) {
                sent += round;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CpuClock used = CpuClock.now().since(cpu);
            producers.destroy();
            assertThat(sent).isEqualTo(eventCount);
            return row("Kafka (embedded broker, acks from 1 node)", sent, eventCount, seconds, used);
        } finally {
            broker.destroy();
        }
    }

    private static String row(String relay, long deliveries, long eventCount, double seconds, CpuClock used) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f | %,.0f | %,.0f | %.2f / %.2f |",
                relay,
                deliveries,
                seconds,
                eventCount / seconds,
                deliveries / seconds,
                (double) used.jvmMillis() / deliveries,
                (double) used.postgresMillis() / deliveries);
    }
}
