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

    /** A line whose first write ("first") is held until the test lets it finish; "bad" is refused alone. */
    GroupCommit.Line<String, String> line(GroupCommit.Writer<List<String>, List<String>> together) {
        return new GroupCommit.Line<>(
                50,
                1,
                (actor, inputs) -> {
                    groups.add(inputs);
                    return together.write(actor, inputs);
                },
                (actor, input) -> {
                    alone.add(input);
                    if (input.equals("first")) {
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

    private void awaitWriting(String input) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!alone.contains(input)) {
            assertThat(System.nanoTime()).as("%s being written", input).isLessThan(until);
            Thread.sleep(1);
        }
    }

    private static void awaitWaiting(GroupCommit.Line<String, String> line, Actor actor, int n)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (line.waiting(actor) < n) {
            assertThat(System.nanoTime()).as("%d waiting", n).isLessThan(until);
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
