package dev.kontor.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kontor.access.Actor;
import dev.kontor.crm.internal.BoardQueries;
import dev.kontor.crm.internal.BoardQueries.Card;
import dev.kontor.crm.internal.BoardQueries.Sum;
import dev.kontor.shared.Money;
import dev.kontor.shared.NotFoundException;
import dev.kontor.workbench.OrderFilter;
import dev.kontor.workbench.OrderLists;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A pipeline as a board (kanban): a column per stage with how many orders stand in it and what they add up to in each
 * currency, and its newest cards — number, customer, total, responsible, the next planned activity or "nothing
 * planned". Won and lost columns show what closed in the last {@value #CLOSED_DAYS} days.
 */
@Service
public class Board {

    /** How long a completed or cancelled order stays on the board. */
    public static final int CLOSED_DAYS = 30;

    /** How many cards a column shows; its count says how many there are. */
    public static final int CARDS_PER_COLUMN = 50;

    private final BoardQueries queries;
    private final Pipelines pipelines;
    private final OrderLists lists;
    private final Clock clock;

    Board(BoardQueries queries, Pipelines pipelines, OrderLists lists, Clock clock) {
        this.queries = queries;
        this.pipelines = pipelines;
        this.lists = lists;
        this.clock = clock;
    }

    /**
     * What the user filters the board by: whatever the order list filters by (search, channels, payment and
     * fulfilment, dates, flagged, overdue, custom fields…), and one responsible colleague; any may be empty.
     */
    public record Filter(OrderFilter orders, Long responsibleId) {

        public Filter {
            orders = orders == null ? new OrderFilter(null, null, null, null, null, null, null, null) : orders;
        }
    }

    /** A card: an order, with its next open activity when one is planned. */
    public record BoardCard(
            long orderId,
            String number,
            String customerName,
            Money total,
            String responsibleName,
            Instant placedAt,
            Instant nextDueAt,
            ActivityKind nextKind) {

        public boolean nothingPlanned() {
            return nextDueAt == null;
        }
    }

    /** A stage's column. */
    public record Column(Stage stage, long count, List<Money> sums, List<BoardCard> cards) {

        public long more() {
            return count - cards.size();
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "Board")
    public record View(Pipeline pipeline, List<Column> columns, Instant now) {}

    @Transactional(readOnly = true)
    public View view(Actor actor, long pipelineId, Filter filter) {
        List<Pipeline> all = pipelines.all();
        Pipeline pipeline = all.stream()
                .filter(p -> p.id() == pipelineId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
        long defaultId = all.stream()
                .filter(Pipeline::isDefault)
                .findFirst()
                .map(Pipeline::id)
                .orElse(pipelineId);
        Instant now = clock.instant();
        BoardQueries.Filter where = new BoardQueries.Filter(
                lists.condition(actor, filter.orders()), // only the orders this user may see
                filter.responsibleId(),
                now.minus(Duration.ofDays(CLOSED_DAYS)));
        Map<Long, List<Sum>> sums = new LinkedHashMap<>();
        for (Sum sum : queries.sums(pipelineId, defaultId, where)) {
            sums.computeIfAbsent(sum.stageId(), k -> new ArrayList<>()).add(sum);
        }
        Map<Long, List<BoardCard>> cards = new LinkedHashMap<>();
        for (Card card : queries.cards(pipelineId, defaultId, where, CARDS_PER_COLUMN)) {
            cards.computeIfAbsent(card.stageId(), k -> new ArrayList<>()).add(card(card));
        }
        List<Column> columns = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            List<Sum> stageSums = sums.getOrDefault(stage.id(), List.of());
            columns.add(new Column(
                    stage,
                    stageSums.stream().mapToLong(Sum::count).sum(),
                    stageSums.stream()
                            .map(s -> Money.of(s.total(), s.currency()))
                            .toList(),
                    cards.getOrDefault(stage.id(), List.of())));
        }
        return new View(pipeline, columns, now);
    }

    private static BoardCard card(Card card) {
        return new BoardCard(
                card.orderId(),
                card.number(),
                card.customerName(),
                Money.of(card.total(), card.currency()),
                card.responsibleName(),
                card.placedAt(),
                card.nextDueAt(),
                card.nextKind() == null ? null : ActivityKind.valueOf(card.nextKind()));
    }
}
