package dev.kontor.access;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy on its own, without Spring: the rules a reader of the table should find. */
class AccessPolicyTest {

    private final AccessPolicy policy = new AccessPolicy(
            1000,
            EnumSet.of(
                    Role.ADMIN, Role.SUPERVISOR, Role.CUSTOMER_SERVICE, Role.FINANCE, Role.WAREHOUSE, Role.PURCHASING));

    private static Actor actor(long id, Role... roles) {
        return new Actor(id, "u" + id, "User " + id, EnumSet.of(roles[0], roles));
    }

    private static Situation order(Long responsible, String state, boolean moneyReceived, int discount) {
        return new Situation(responsible, Set.of(5L), state, moneyReceived, false, discount);
    }

    @Test
    void onlyFinanceRecordsMoneyNotEvenAnAdmin() {
        assertThat(policy.decide(actor(1, Role.FINANCE), Permission.PAYMENT_RECORD, order(null, "APPROVED", false, 0)))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(actor(1, Role.ADMIN), Permission.PAYMENT_RECORD, order(null, "APPROVED", false, 0)))
                .isEqualTo(new Verdict.Denied(Permission.PAYMENT_RECORD));
    }

    @Test
    void aDiscountWithinTheLimitIsTheSalespersonsOwnCallBeyondItASupervisors() {
        Actor sven = actor(1, Role.SALES);
        assertThat(policy.decide(sven, Permission.ORDER_EDIT, order(1L, "NEW", false, 1000)))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(sven, Permission.ORDER_EDIT, order(1L, "NEW", false, 1001)))
                .isEqualTo(new Verdict.NeedsApproval(Permission.ORDER_EDIT, "approval.why.discount"));
        assertThat(policy.decide(actor(2, Role.SUPERVISOR), Permission.ORDER_EDIT, order(1L, "NEW", false, 5000)))
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void theResponsibleSalespersonVoidsUntilMoneyCameInThenASupervisorMustApprove() {
        Actor sven = actor(1, Role.SALES);
        assertThat(policy.decide(sven, Permission.ORDER_CANCEL, order(1L, "APPROVED", false, 0)))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(sven, Permission.ORDER_CANCEL, order(1L, "APPROVED", true, 0)))
                .isEqualTo(new Verdict.NeedsApproval(Permission.ORDER_CANCEL, "approval.why.money-received"));
        assertThat(policy.decide(sven, Permission.ORDER_CANCEL, order(2L, "APPROVED", false, 0)))
                .isEqualTo(new Verdict.Denied(Permission.ORDER_CANCEL));
    }

    @Test
    void onlyASupervisorLiftsABlacklist() {
        assertThat(policy.decide(actor(1, Role.CUSTOMER_SERVICE), Permission.CUSTOMER_BLACKLIST, Situation.NONE))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(actor(1, Role.CUSTOMER_SERVICE), Permission.CUSTOMER_UNBLACKLIST, Situation.NONE))
                .isInstanceOf(Verdict.Denied.class);
        assertThat(policy.decide(actor(2, Role.SUPERVISOR), Permission.CUSTOMER_UNBLACKLIST, Situation.NONE))
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void severalRolesGiveTheBestVerdictOfThem() {
        Actor both = actor(1, Role.CUSTOMER_SERVICE, Role.SUPERVISOR);
        assertThat(policy.decide(both, Permission.ORDER_CANCEL, order(9L, "NEW", false, 0)))
                .isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void salesSeeTheirOwnAndObservedOrdersOthersSeeAll() {
        assertThat(policy.mayView(actor(1, Role.SALES), order(1L, "NEW", false, 0)))
                .isTrue();
        assertThat(policy.mayView(actor(5, Role.SALES), order(1L, "NEW", false, 0)))
                .as("observer")
                .isTrue();
        assertThat(policy.mayView(actor(7, Role.SALES), order(1L, "NEW", false, 0)))
                .isFalse();
        assertThat(policy.mayView(actor(7, Role.WAREHOUSE), order(1L, "NEW", false, 0)))
                .isTrue();
    }

    @Test
    void purchasingSeesThePurchasingListAndDecidesNothing() {
        Actor ola = actor(1, Role.PURCHASING);
        assertThat(policy.decide(ola, Permission.PURCHASING_VIEW, Situation.NONE))
                .isEqualTo(Verdict.ALLOWED);
        assertThat(policy.decide(ola, Permission.APPROVAL_DECIDE, Situation.NONE))
                .isInstanceOf(Verdict.Denied.class);
    }
}
