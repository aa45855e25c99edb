package dev.kontor.crm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kontor.access.Role;
import dev.kontor.orders.LifecycleRules;
import dev.kontor.orders.LifecycleStatus;
import dev.kontor.orders.OrderAction;
import dev.kontor.shared.Names;
import dev.kontor.shared.Problems;
import org.junit.jupiter.api.Test;

import static dev.kontor.orders.LifecycleStatus.APPROVED;
import static dev.kontor.orders.LifecycleStatus.CANCELLED;
import static dev.kontor.orders.LifecycleStatus.COMPLETED;
import static dev.kontor.orders.LifecycleStatus.DRAFT;
import static dev.kontor.orders.LifecycleStatus.NEW;
import static dev.kontor.orders.LifecycleStatus.ON_HOLD;
import static dev.kontor.orders.OrderAction.APPROVE;
import static dev.kontor.orders.OrderAction.CANCEL;
import static dev.kontor.orders.OrderAction.COMPLETE;
import static dev.kontor.orders.OrderAction.RELEASE;
import static dev.kontor.orders.OrderAction.SUBMIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stages' rules without a database: a move between stages is the lifecycle's own way between their states, so a
 * stage can never put an order where the lifecycle forbids; stage definitions that contradict the lifecycle are
 * refused; the stages' rights and requirements.
 */
class StageRulesTest {

    /** Where each action leads, written from the lifecycle's table in docs/statuses.md (a release: where it was). */
    private static final Map<OrderAction, LifecycleStatus> LEADS_TO = new EnumMap<>(Map.of(
            SUBMIT,
            NEW,
            APPROVE,
            APPROVED,
            OrderAction.HOLD,
            ON_HOLD,
            CANCEL,
            CANCELLED,
            COMPLETE,
            COMPLETED,
            OrderAction.DELETE,
            LifecycleStatus.DELETED));

    private static Stage stage(long id, LifecycleStatus lifecycle, StageOutcome outcome) {
        return new Stage(
                id,
                1,
                Names.of("S" + id),
                "#123456",
                (int) id,
                lifecycle,
                outcome,
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of());
    }

    @Test
    void everyWayBetweenStagesIsAWayTheLifecycleAllowsStepByStep() {
        for (LifecycleStatus from : StageRules.STATES) {
            for (LifecycleStatus heldFrom : List.of(NEW, APPROVED)) {
                for (LifecycleStatus to : StageRules.STATES) {
                    Stage target = stage(9, to, StageOutcome.OPEN);
                    List<OrderAction> way = StageRules.actions(from, heldFrom, target);
                    LifecycleStatus at = from;
                    for (OrderAction action : way) {
                        assertThat(LifecycleRules.startingStates(action))
                                .as("%s from %s on the way %s → %s", action, at, from, to)
                                .contains(at);
                        at = action == RELEASE ? heldFrom : LEADS_TO.get(action);
                    }
                    if (StageRules.reachable(from, heldFrom, target)) {
                        assertThat(at).as("%s → %s by %s", from, to, way).isEqualTo(to);
                    } else {
                        assertThat(way).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void theWaysAreTheShortOnesAndFinalStatesLeadNowhere() {
        assertThat(StageRules.actions(DRAFT, null, stage(1, APPROVED, StageOutcome.OPEN)))
                .containsExactly(SUBMIT, APPROVE);
        assertThat(StageRules.actions(NEW, null, stage(1, COMPLETED, StageOutcome.WON)))
                .containsExactly(APPROVE, COMPLETE);
        assertThat(StageRules.actions(ON_HOLD, APPROVED, stage(1, APPROVED, StageOutcome.OPEN)))
                .containsExactly(RELEASE);
        assertThat(StageRules.actions(ON_HOLD, NEW, stage(1, APPROVED, StageOutcome.OPEN)))
                .containsExactly(RELEASE, APPROVE);
        assertThat(StageRules.actions(DRAFT, null, stage(1, CANCELLED, StageOutcome.LOST)))
                .containsExactly(SUBMIT, CANCEL);
        for (LifecycleStatus closed : List.of(COMPLETED, CANCELLED)) {
            for (LifecycleStatus to : StageRules.STATES) {
                assertThat(StageRules.reachable(closed, null, stage(1, to, StageOutcome.OPEN)))
                        .as("%s → %s", closed, to)
                        .isEqualTo(closed == to);
            }
        }
        assertThat(StageRules.reachable(APPROVED, null, stage(1, DRAFT, StageOutcome.OPEN)))
                .isFalse();
        assertThat(StageRules.reachable(APPROVED, null, stage(1, NEW, StageOutcome.OPEN)))
                .isFalse();
    }

    @Test
    void aStageThatContradictsTheLifecycleIsRefusedNamingTheField() {
        assertThat(fields(StageRules.check(Names.of("Won"), "#14663f", NEW, StageOutcome.WON)))
                .containsExactly("outcome");
        assertThat(fields(StageRules.check(Names.of("Lost"), "#b3261e", APPROVED, StageOutcome.LOST)))
                .containsExactly("outcome");
        assertThat(fields(StageRules.check(Names.of("Done"), "#14663f", COMPLETED, StageOutcome.OPEN)))
                .containsExactly("outcome");
        assertThat(fields(StageRules.check(new Names(Map.of()), "red", LifecycleStatus.DELETED, null)))
                .containsExactly("names", "colour", "lifecycle", "outcome");
        assertThat(fields(StageRules.check(Names.of("x".repeat(61)), "#14663f", NEW, StageOutcome.OPEN)))
                .containsExactly("names");
        assertThat(StageRules.check(Names.of("Won at approval"), "#14663f", APPROVED, StageOutcome.WON)
                        .isEmpty())
                .isTrue();
        assertThat(StageRules.check(Names.of("Negotiation"), "#7a5af8", NEW, StageOutcome.OPEN)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void everyStateKeepsAStage() {
        List<Stage> stages = List.of(
                stage(1, DRAFT, StageOutcome.OPEN),
                stage(2, NEW, StageOutcome.OPEN),
                stage(3, APPROVED, StageOutcome.OPEN),
                stage(4, COMPLETED, StageOutcome.WON));
        assertThat(StageRules.uncovered(stages)).containsExactlyInAnyOrder(ON_HOLD, CANCELLED);
    }

    @Test
    void aStagesRightsSayWhoMayMoveOrdersInAndOut() {
        Stage negotiation = new Stage(
                2,
                1,
                Names.of("Negotiation"),
                "#7a5af8",
                1,
                NEW,
                StageOutcome.OPEN,
                Set.of(),
                Set.of(Role.SALES),
                Set.of(),
                Set.of());
        Stage approved = new Stage(
                3,
                1,
                Names.of("Approved"),
                "#1f8a5b",
                2,
                APPROVED,
                StageOutcome.OPEN,
                Set.of(Role.SUPERVISOR),
                Set.of(),
                Set.of(),
                Set.of());
        Stage fresh = stage(1, NEW, StageOutcome.OPEN);
        assertThat(StageRules.refusedRight(Set.of(Role.CUSTOMER_SERVICE), negotiation, fresh))
                .contains("leave");
        assertThat(StageRules.refusedRight(Set.of(Role.SALES), negotiation, fresh))
                .isEmpty();
        assertThat(StageRules.refusedRight(Set.of(Role.CUSTOMER_SERVICE), fresh, negotiation))
                .isEmpty();
        assertThat(StageRules.refusedRight(Set.of(Role.SALES), negotiation, approved))
                .contains("enter");
        assertThat(StageRules.refusedRight(Set.of(Role.SALES, Role.SUPERVISOR), negotiation, approved))
                .isEmpty();
    }

    @Test
    void whatAStageRequiresIsSaidWhenMissing() {
        Stage contract = new Stage(
                5,
                1,
                Names.of("Contract"),
                "#1f8a5b",
                3,
                APPROVED,
                StageOutcome.OPEN,
                Set.of(),
                Set.of(),
                Set.of(StageRequirement.SIGNED_DOCUMENT, StageRequirement.RESPONSIBLE),
                Set.of());
        assertThat(StageRules.missing(contract, new StageRules.Facts(false, true, true, false, false)))
                .containsExactly(StageRequirement.RESPONSIBLE, StageRequirement.SIGNED_DOCUMENT);
        assertThat(StageRules.missing(contract, new StageRules.Facts(true, false, false, false, true)))
                .isEmpty();
    }

    private static List<String> fields(Problems problems) {
        return problems.list().stream().map(p -> p.field()).toList();
    }
}
