package dev.kontor.integration;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.kontor.integration.internal.OrderEventRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The order's events relayed to a Kafka topic, for a larger installation's data platform (docs/events.md), on when
 * {@code kontor.events.kafka.enabled=true}: each sequenced event, as its CloudEvents JSON, keyed by the order's number
 * (so one order's events keep their order in one partition), in cursor order. The relay's cursor advances only after
 * the broker acknowledged, in the transaction that holds the relay's row ({@code SKIP LOCKED}: one instance relays at a
 * time), so nothing is lost and an event is sent again only when an acknowledgement was lost (at least once).
 */
@Service
@ConditionalOnProperty(name = "kontor.events.kafka.enabled", havingValue = "true")
public class KafkaRelay {

    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();
    private static final String NAME = "kafka";
    private static final Logger log = LoggerFactory.getLogger(KafkaRelay.class);

    private final OrderEventRepository events;
    private final OrderEvents envelopes;
    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String topic;
    private final Duration ackTimeout;

    KafkaRelay(
            OrderEventRepository events,
            OrderEvents envelopes,
            KafkaTemplate<String, String> kafka,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            @Value("${kontor.events.kafka.topic:kontor.order-events}") String topic,
            @Value("${kontor.events.kafka.ack-timeout:PT30S}") Duration ackTimeout) {
        this.events = events;
        this.envelopes = envelopes;
        this.kafka = kafka;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
    }

    /** Relays up to {@code limit} events after the relay's cursor; answers how many (0 when another instance is). */
    public int relay(int limit) {
        Integer sent = transaction.execute(s -> {
            jdbc.sql("INSERT INTO event_relays (name, position) VALUES (:name, 0) ON CONFLICT (name) DO NOTHING")
                    .param("name", NAME)
                    .update();
            Long from = jdbc.sql("SELECT position FROM event_relays WHERE name = :name FOR UPDATE SKIP LOCKED")
                    .param("name", NAME)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (from == null) {
                return 0;
            }
            List<OrderEventRepository.Stored> due = onePerOrder(events.after(from, List.of(), limit));
            // the batch on its way at once, then the acknowledgements in order: the cursor moves to the last one in an
            // unbroken run, so what follows a refused event is sent again next round. The batch holds one event per
            // order, so a refused event never has a later one of its order already in the topic
            List<CompletableFuture<SendResult<String, String>>> sends = due.stream()
                    .map(event ->
                            kafka.send(topic, event.orderNumber(), JSON.writeValueAsString(envelopes.envelope(event))))
                    .toList();
            kafka.flush();
            int acknowledged = 0;
            for (CompletableFuture<SendResult<String, String>> send : sends) {
                try {
                    send.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged++;
                } catch (ExecutionException | TimeoutException e) {
                    log.warn(
                            "Kafka did not acknowledge event {}; it is sent again next round: {}",
                            due.get(acknowledged).id(),
                            e.getMessage());
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (acknowledged > 0) {
                jdbc.sql("UPDATE event_relays SET position = :position WHERE name = :name")
                        .param("position", due.get(acknowledged - 1).position())
                        .param("name", NAME)
                        .update();
            }
            return acknowledged;
        });
        return sent == null ? 0 : sent;
    }

    /** The longest start of these events (in cursor order) in which no order has two. */
    static List<OrderEventRepository.Stored> onePerOrder(List<OrderEventRepository.Stored> due) {
        java.util.Set<String> orders = new java.util.HashSet<>();
        int end = 0;
        while (end < due.size() && orders.add(due.get(end).orderNumber())) {
            end++;
        }
        return due.subList(0, end);
    }
}
