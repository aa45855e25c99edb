package dev.kontor.orders;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.kontor.access.Actor;
import dev.kontor.access.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The group commit's line, without a database: what an actor's requests ask for while its previous write is being
 * written is written as one group by the first of them, each request gets its own answer, a group that fails is
 * written again one by one (a refusal reaching only its own request), and another actor never waits in this one's
 * line.
 */
class GroupCommitLineTest {

    final Actor shop = new Actor(7L, "shop", "Web shop", Set.of(Role.ADMIN));
    final Actor other = new Actor(8L, "other", "Other", Set.of(Role.ADMIN));
    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<List<String>> groups = Collections.synchronizedList(new ArrayList<>());
    final List<String> alone = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstMayFinish = new CountDownLatch(1);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** A line whose first writes ("first…") are held until the test lets them finish; "bad" is refused alone. */
    GroupCommit.Line<String, String> line(GroupCommit.Writer<List<String>, List<String>> together) {
        return line(1, together);
    }

    GroupCommit.Line<String, String> line(int writers, GroupCommit.Writer<List<String>, List<String>> together) {
        return new GroupCommit.Line<>(
                50,
                writers,
                (actor, inputs) -> {
                    groups.add(inputs);
                    return together.write(actor, inputs);
                },
                (actor, input) -> {
                    alone.add(input);
                    if (input.startsWith("first")) {
                        await(firstMayFinish);
                    }
                    if (input.equals("bad")) {
                        throw new IllegalArgumentException("bad is refused");
                    }
                    return input + " alone";
                });
    }

    @Test
    void whatArrivesWhileOneIsWrittenIsWrittenTogetherAndEachGetsItsOwnAnswer() throws Exception {
        var line = line(
                (actor, inputs) -> inputs.stream().map(i -> i + " together").toList());
        Future<String> first = threads.submit(() -> line.write(shop, "first"));
        awaitWriting("first");
        List<Future<String>> next = new ArrayList<>();
        for (String input : List.of("b", "c", "d")) {
            next.add(threads.submit(() -> line.write(shop, input)));
            awaitWaiting(line, shop, next.size());
        }

        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first alone");
        assertThat(results(next)).containsExactly("b together", "c together", "d together");
        assertThat(groups).containsExactly(List.of("b", "c", "d"));
        assertThat(alone).containsExactly("first");
        assertThat(line.waiting(shop)).isZero();
        assertThat(line.write(shop, "later")).isEqualTo("later alone"); // the line was handed on and closed
    }

    @Test
    void aGroupThatFailsIsWrittenOneByOneAndARefusalIsItsOwnRequests() throws Exception {
        var line = line((actor, inputs) -> {
            throw new IllegalStateException("the group's transaction rolled back");
        });
        Future<String> first = threads.submit(() -> line.write(shop, "first"));
        awaitWriting("first");
        Future<String> good = threads.submit(() -> line.write(shop, "good"));
        awaitWaiting(line, shop, 1);
        Future<String> bad = threads.submit(() -> line.write(shop, "bad"));
        awaitWaiting(line, shop, 2);

        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first alone");
        assertThat(good.get(5, TimeUnit.SECONDS)).isEqualTo("good alone");
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("bad is refused");
        assertThat(groups).containsExactly(List.of("good", "bad"));
        assertThat(alone).containsExactlyInAnyOrder("first", "good", "bad");
    }

    @Test
    void whatTheGroupLeavesIsWrittenAloneByItsOwnRequest() throws Exception {
        var line = line((actor, inputs) ->
                inputs.stream().map(i -> i.equals("c") ? null : i + " together").toList());
        Future<String> first = threads.submit(() -> line.write(shop, "first"));
        awaitWriting("first");
        List<Future<String>> next = new ArrayList<>();
        for (String input : List.of("b", "c")) {
            next.add(threads.submit(() -> line.write(shop, input)));
            awaitWaiting(line, shop, next.size());
        }

        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first alone");
        assertThat(results(next)).containsExactly("b together", "c alone");
    }

    @Test
    void anotherActorDoesNotWaitInThisActorsLine() throws Exception {
        var line = line(
                (actor, inputs) -> inputs.stream().map(i -> i + " together").toList());
        Future<String> first = threads.submit(() -> line.write(shop, "first"));
        awaitWriting("first");

        assertThat(threads.submit(() -> line.write(other, "elsewhere")).get(5, TimeUnit.SECONDS))
                .isEqualTo("elsewhere alone");
        firstMayFinish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first alone");
    }

    @Test
    void aFirstWriteThatIsRefusedHandsTheLineOn() throws Exception {
        var line = line(
                (actor, inputs) -> inputs.stream().map(i -> i + " together").toList());

        assertThatThrownBy(() -> line.write(shop, "bad")).hasMessage("bad is refused");
        assertThat(line.write(shop, "next")).isEqualTo("next alone");
    }

    @Test
    void twoWritersWriteAtOnceHandEachWaitingRequestOnOnceAndCloseTheLine() throws Exception {
        var line = line(
                2, (actor, inputs) -> inputs.stream().map(i -> i + " together").toList());
        Future<String> first = threads.submit(() -> line.write(shop, "first"));
        Future<String> second = threads.submit(() -> line.write(shop, "first too"));
        awaitWriting("first");
        awaitWriting("first too"); // both written at once, nobody waiting
        List<Future<String>> next = new ArrayList<>();
        for (String input : List.of("c", "d")) {
            next.add(threads.submit(() -> line.write(shop, input)));
            awaitWaiting(line, shop, next.size());
        }

        firstMayFinish.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first alone");
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("first too alone");
        List<String> answers = results(next);
        assertThat(answers.get(0)).startsWith("c ");
        assertThat(answers.get(1)).startsWith("d ");
        assertThat(alone.stream().filter(i -> i.equals("c") || i.equals("d")).count()
                        + groups.stream().mapToLong(List::size).sum())
                .as("c and d each written once")
                .isEqualTo(2);
        assertThat(line.waiting(shop)).isZero();
        // both writers free again: two more are written at once
        Future<String> again = threads.submit(() -> line.write(shop, "first again"));
        Future<String> alsoAgain = threads.submit(() -> line.write(shop, "first again too"));
        awaitWriting("first again");
        awaitWriting("first again too");
        assertThat(again.get(5, TimeUnit.SECONDS)).isEqualTo("first again alone");
        assertThat(alsoAgain.get(5, TimeUnit.SECONDS)).isEqualTo("first again too alone");
    }

    private void awaitWriting(String input) throws InterruptedException {
        awaitThat(() -> alone.contains(input), input + " being written");
    }

    private static void awaitWaiting(GroupCommit.Line<String, String> line, Actor actor, int n)
            throws InterruptedException {
        awaitThat(() -> line.waiting(actor) >= n, n + " waiting");
    }

    private static void awaitThat(java.util.function.BooleanSupplier condition, String what)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(1);
        }
    }

    private static List<String> results(List<Future<String>> futures) throws Exception {
        List<String> results = new ArrayList<>();
        for (Future<String> f : futures) {
            results.add(f.get(5, TimeUnit.SECONDS));
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
