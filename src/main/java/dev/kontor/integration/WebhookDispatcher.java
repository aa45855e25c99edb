package dev.kontor.integration;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.kontor.access.Role;
import dev.kontor.access.User;
import dev.kontor.access.Users;
import dev.kontor.documents.Mail;
import dev.kontor.documents.MailMessage;
import dev.kontor.integration.internal.OrderEventRepository;
import dev.kontor.integration.internal.WebhookRepository;
import dev.kontor.integration.internal.WebhookRepository.Delivery;
import dev.kontor.integration.internal.WebhookRepository.Subscription;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends webhook deliveries (docs/webhooks.md), from a background job: turns new events into deliveries for each
 * subscription, then leases what is due — an order's deliveries one after another, in their order — and posts each
 * signed, outside any transaction (a slow endpoint holds no connection of the database), with the connect and answer
 * timeouts of the settings. A 2xx answer delivers; anything else is retried with doubling waits, and after the retry
 * window the delivery is dead and its webhook is turned off, its admins told by mail. At least once: a delivery whose
 * answer was lost is sent again; two instances never send one at the same time (the lease).
 */
@Service
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final JsonMapper JSON =
            JsonMapper.builder().findAndAddModules().build();
    private static final int EXCERPT = 500;

    private final WebhookRepository webhooks;
    private final OrderEventRepository events;
    private final OrderEvents envelopes;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final HttpClient http;
    private final Mail mail;
    private final Users users;
    private final ExecutorService senders;

    WebhookDispatcher(
            WebhookRepository webhooks,
            OrderEventRepository events,
            OrderEvents envelopes,
            WebhookSettings settings,
            TransactionTemplate transaction,
            Clock clock,
            Mail mail,
            Users users) {
        this.webhooks = webhooks;
        this.events = events;
        this.envelopes = envelopes;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.mail = mail;
        this.users = users;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), task -> {
            Thread thread = new Thread(task, "kontor-webhook-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** One round: new events to deliveries, then up to {@code limit} due deliveries sent. Answers how many were sent. */
    public int run(int limit) {
        fanOut();
        Instant now = clock.instant();
        List<Delivery> leased = transaction.execute(s -> webhooks.lease(
                now, now.plus(settings.timeout().plus(settings.connectTimeout()).multipliedBy(2)), limit));
        if (leased == null || leased.isEmpty()) {
            return 0;
        }
        Map<Long, OrderEventRepository.Stored> byId =
                events.byIds(leased.stream().map(Delivery::eventId).distinct().toList());
        // what is leased is independent (an order's next delivery to a webhook only after its last one went), so it
        // goes out side by side: a slow endpoint holds one sender, not the round
        Map<Long, Optional<Subscription>> subscriptions = new HashMap<>();
        List<Future<?>> sending = new ArrayList<>();
        for (Delivery delivery : leased) {
            subscriptions
                    .computeIfAbsent(delivery.subscriptionId(), webhooks::find)
                    .ifPresent(subscription -> sending.add(
                            senders.submit(() -> send(subscription, delivery, byId.get(delivery.eventId())))));
        }
        for (Future<?> sent : sending) {
            try {
                sent.get();
            } catch (ExecutionException e) { // its lease expires and it is sent again
                log.warn("A webhook delivery failed to send", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return leased.size();
    }

    /** Each active subscription's new events become its deliveries. */
    void fanOut() {
        long last = events.lastPosition();
        Instant now = clock.instant();
        for (long id : webhooks.activeIds()) {
            transaction.executeWithoutResult(s -> webhooks.fanOut(id, last, now));
        }
    }

    private void send(Subscription subscription, Delivery delivery, OrderEventRepository.Stored event) {
        Instant at = clock.instant();
        Optional<String> refused = WebhookTarget.refusal(subscription.url(), settings.allowed(), WebhookTarget.DNS);
        if (refused.isPresent()) { // the name points somewhere it may not (any more)
            failed(subscription, delivery, at, null, "webhook.error.address", null);
            return;
        }
        String body = JSON.writeValueAsString(envelopes.envelope(event));
        List<String> secrets = new ArrayList<>(List.of(subscription.secret()));
        if (subscription.previousSecret() != null
                && subscription.previousSecretUntil() != null
                && subscription.previousSecretUntil().isAfter(at)) {
            secrets.add(subscription.previousSecret());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "Kontor-Webhooks/1")
                .header("Kontor-Event-Id", Long.toString(event.id()))
                .header("Kontor-Delivery-Id", Long.toString(delivery.id()))
                .header(WebhookSignature.HEADER, WebhookSignature.header(at.getEpochSecond(), body, secrets))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String excerpt = excerpt(response.body());
            if (response.statusCode() / 100 == 2) {
                transaction.executeWithoutResult(
                        s -> webhooks.delivered(delivery.id(), clock.instant(), response.statusCode(), excerpt));
            } else {
                failed(subscription, delivery, at, response.statusCode(), "webhook.error.status", excerpt);
            }
        } catch (HttpConnectTimeoutException | ConnectException e) {
            failed(subscription, delivery, at, null, "webhook.error.connect", excerpt(String.valueOf(e.getMessage())));
        } catch (HttpTimeoutException e) {
            failed(subscription, delivery, at, null, "webhook.error.timeout", null);
        } catch (IOException e) {
            failed(subscription, delivery, at, null, "webhook.error.io", excerpt(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failed attempt: retried after the backoff, or dead after the window, and then the webhook turned off. */
    private void failed(
            Subscription subscription, Delivery delivery, Instant at, Integer status, String error, String response) {
        Instant next = settings.retryAt(delivery.attempts() + 1, delivery.firstFailedAt(), at)
                .orElse(null);
        boolean dead = next == null;
        transaction.executeWithoutResult(s -> {
            webhooks.failed(delivery.id(), at, status, error, response, next);
            if (dead && webhooks.disable(subscription.id(), at, "webhook.disabled.failing")) {
                tellAdmins(subscription);
            }
        });
        log.info(
                "Webhook {} delivery {}: {} {}{}",
                subscription.id(),
                delivery.id(),
                error,
                status == null ? "" : status,
                dead ? " — given up, webhook turned off" : "");
    }

    private void tellAdmins(Subscription subscription) {
        for (User user : users.all()) {
            if (!user.enabled()
                    || !user.roles().contains(Role.ADMIN)
                    || user.email() == null
                    || user.email().isBlank()) {
                continue;
            }
            Locale locale = Locale.forLanguageTag((user.language() == null ? "en" : user.language()).replace('_', '-'));
            mail.queue(new MailMessage(
                    "webhook-disabled",
                    null,
                    null,
                    user.email(),
                    locale,
                    "mail.webhook.subject",
                    new Object[] {subscription.url()},
                    Map.of(
                            "url", subscription.url(),
                            "window", settings.giveUpAfter().toHours(),
                            "link", mail.publicUrl() + "/settings/webhooks/" + subscription.id())));
        }
    }

    private static String excerpt(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) : text;
    }
}
