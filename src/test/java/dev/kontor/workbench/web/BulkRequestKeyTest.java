package dev.kontor.workbench.web;

import java.util.List;

import dev.kontor.workbench.BulkAction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bulk form's request key: the same request from the same page is one job; anything else is another. */
class BulkRequestKeyTest {

    @Test
    void theSameRequestFromTheSamePageHasTheSameKeyAndAnyDifferenceAnother() {
        String key = OrderBulkController.requestKey(
                "page-1", BulkAction.APPROVE, null, false, "lifecycle=NEW", List.of(1L, 2L));
        assertThat(OrderBulkController.requestKey(
                        "page-1", BulkAction.APPROVE, null, false, "lifecycle=NEW", List.of(1L, 2L)))
                .isEqualTo(key);
        assertThat(key).hasSize(64);
        assertThat(List.of(
                        OrderBulkController.requestKey(
                                "page-2", BulkAction.APPROVE, null, false, "lifecycle=NEW", List.of(1L, 2L)),
                        OrderBulkController.requestKey(
                                "page-1", BulkAction.HOLD, "fraud?", false, "lifecycle=NEW", List.of(1L, 2L)),
                        OrderBulkController.requestKey(
                                "page-1", BulkAction.APPROVE, null, false, "lifecycle=NEW", List.of(1L, 3L)),
                        OrderBulkController.requestKey(
                                "page-1", BulkAction.APPROVE, null, true, "lifecycle=NEW", List.of(1L, 2L))))
                .doesNotContain(key)
                .doesNotHaveDuplicates();
        assertThat(OrderBulkController.requestKey(null, BulkAction.APPROVE, null, false, null, List.of(1L)))
                .as("no page token, no key")
                .isNull();
    }
}
