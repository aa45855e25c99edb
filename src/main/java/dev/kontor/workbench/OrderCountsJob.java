package dev.kontor.workbench;

import dev.kontor.workbench.internal.ListQueries;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the order count deltas together, so that counting a view sums a few hundred rows, not one per change. Two
 * instances folding at once is harmless: each folds only the rows it deleted, and a row is deleted once.
 */
@Component
class OrderCountsJob {

    private final ListQueries queries;

    OrderCountsJob(ListQueries queries) {
        this.queries = queries;
    }

    @Scheduled(
            fixedDelayString = "${kontor.orders.fold-counts-interval:PT30S}",
            initialDelayString = "${kontor.orders.fold-counts-interval:PT30S}")
    @Transactional
    public void fold() {
        queries.foldCounts();
    }
}
