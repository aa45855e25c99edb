package dev.kontor.integration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.orders.Order;
import dev.kontor.orders.OrderAction;
import dev.kontor.orders.OrderLifecycle;
import dev.kontor.support.Fixtures;
import dev.kontor.support.KontorTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order's events relayed to Kafka (an embedded broker, in this JVM): each event once, as its CloudEvents JSON,
 * keyed by the order's number, an order's events in their order; a second run sends nothing again. (The relay is on
 * only with {@code kontor.events.kafka.enabled=true}; here it is built by hand against the test's broker.)
 */
@KontorTest
class KafkaRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrderLifecycle lifecycle;

    @Autowired
    OrderEvents events;

    @Autowired
    OrderEventRepository stored;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    /**
     * A broker of its own in this JVM (spring-kafka-test's KRaft broker) and a relay built against it, so the
     * application context every other test shares stays as it is (the relay is off there).
     */
    @Test
    void eachEventOnceKeyedByItsOrderInItsOrder() throws Exception {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3, "kontor.order-events");
        broker.afterPropertiesSet();
        try {
            relayTo(broker.getBrokersAsString());
        } finally {
            broker.destroy();
        }
    }

    @Test
    void aRoundHoldsTheLongestStartWithOneEventPerOrder() {
        List<OrderEventRepository.Stored> due =
                List.of(event(1, "TB-1"), event(2, "TB-2"), event(3, "TB-3"), event(4, "TB-1"), event(5, "TB-4"));
        assertThat(KafkaRelay.onePerOrder(due))
                .extracting(OrderEventRepository.Stored::id)
                .containsExactly(1L, 2L, 3L); // TB-1's second event waits for the next round, and so does all after it
        assertThat(KafkaRelay.onePerOrder(List.of())).isEmpty();
    }

    private static OrderEventRepository.Stored event(long id, String order) {
        return new OrderEventRepository.Stored(
                id, id, id, order, 1, "order.updated", java.time.Instant.EPOCH, "test", Map.of());
    }

    private void relayTo(String brokers) {
        DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        KafkaTemplate<String, String> kafka = new KafkaTemplate<>(producers);
        try {
            KafkaRelay relay = new KafkaRelay(
                    stored, events, kafka, jdbc, transaction, "kontor.order-events", Duration.ofSeconds(30));
            Actor boss = fixtures.user("wang.lei", Role.SUPERVISOR);
            List<Order> placed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Order order = fixtures.order(boss, false);
                lifecycle.act(boss, order.id(), null, OrderAction.HOLD, "address?");
                lifecycle.act(boss, order.id(), null, OrderAction.RELEASE, null);
                placed.add(order);
            }
            events.sequence();
            int sent = 0;
            for (int round; (round = relay.relay(500)) > 0; ) {
                assertThat(round).as("one event per order in a round").isLessThanOrEqualTo(3);
                sent += round;
            }
            assertThat(sent).isGreaterThanOrEqualTo(9);
            assertThat(relay.relay(500)).isZero(); // nothing twice

            List<ConsumerRecord<String, String>> read = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    brokers,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    "kontor-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                    "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class))) {
                consumer.subscribe(List.of("kontor.order-events"));
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.size() < 9 && System.nanoTime() < until) {
                    consumer.poll(Duration.ofMillis(500)).forEach(read::add);
                }
            }
            for (Order order : placed) {
                List<JsonNode> ofOrder = read.stream()
                        .filter(r -> order.number().equals(r.key()))
                        .map(r -> JSON.readTree(r.value()))
                        .toList();
                assertThat(ofOrder)
                        .extracting(e -> e.get("type").asString())
                        .containsExactly(
                                "dev.kontor.order.placed", "dev.kontor.order.held", "dev.kontor.order.released");
                assertThat(ofOrder).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L);
            }
        } finally {
            producers.destroy(); // else its client keeps calling the stopped broker
        }
    }
}
