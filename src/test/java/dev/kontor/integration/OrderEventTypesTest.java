package dev.kontor.integration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which timeline entries are events, without a database. */
class OrderEventTypesTest {

    @Test
    void changesToWhatAnOrderIsOrWhereItStandsAreEvents() {
        assertThat(OrderEventTypes.of("order.created")).hasValue("order.placed");
        assertThat(OrderEventTypes.of("order.split-created")).hasValue("order.placed");
        assertThat(OrderEventTypes.of("order.approve")).hasValue("order.approved");
        assertThat(OrderEventTypes.of("payment.settled")).hasValue("order.paid");
        assertThat(OrderEventTypes.of("shipment.recorded")).hasValue("order.shipped");
        assertThat(OrderEventTypes.of("document.issued")).hasValue("order.document-issued");
        assertThat(OrderEventTypes.of("order.stage")).hasValue("order.updated");
    }

    @Test
    void anOrderIsPaidOnlyWhenItsMoneyArrived() {
        assertThat(OrderEventTypes.of("payment.recorded", java.util.Map.of("state", "SUCCEEDED")))
                .hasValue("order.paid");
        assertThat(OrderEventTypes.of("payment.settled", java.util.Map.of("state", "SUCCEEDED")))
                .hasValue("order.paid");
        for (String notYet : java.util.List.of("PENDING", "UNKNOWN", "FAILED", "INITIATED")) {
            assertThat(OrderEventTypes.of("payment.recorded", java.util.Map.of("state", notYet)))
                    .as(notYet)
                    .hasValue("order.updated");
        }
        assertThat(OrderEventTypes.of("refund.recorded", java.util.Map.of("state", "SUCCEEDED")))
                .hasValue("order.refunded");
    }

    @Test
    void whatOnlyHappenedAroundAnOrderIsNone() {
        assertThat(OrderEventTypes.of("activity.planned")).isEmpty();
        assertThat(OrderEventTypes.of("approval.requested")).isEmpty();
        assertThat(OrderEventTypes.of("document.downloaded")).isEmpty();
        assertThat(OrderEventTypes.of("email.sent")).isEmpty();
    }

    @Test
    void theTypesTheIssueNamesAreAllThere() {
        assertThat(OrderEventTypes.ALL)
                .contains(
                        "order.placed",
                        "order.submitted",
                        "order.approved",
                        "order.held",
                        "order.released",
                        "order.cancelled",
                        "order.completed",
                        "order.paid",
                        "order.refunded",
                        "order.shipped",
                        "order.delivered",
                        "order.returned",
                        "order.split",
                        "order.reshipped",
                        "order.note-added",
                        "order.imported",
                        "order.document-issued")
                .doesNotHaveDuplicates();
    }
}
