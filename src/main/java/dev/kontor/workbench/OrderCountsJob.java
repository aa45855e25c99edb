package dev.kontor.workbench;

import dev.kontor.workbench.internal.ListQueries;
import dev.kontor.workbench.internal.SearchedNames;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the order count deltas together, so that counting a view sums a few hundred rows, not one per change; and
 * the names of new orders into the searched names' index, so that a search reads a few seconds' worth besides the
 * index. Two instances folding at once is harmless: each folds only the rows it deleted, and a row is deleted once.
 */
@Component
class OrderCountsJob {

    private final ListQueries queries;
    private final SearchedNames names;

    OrderCountsJob(ListQueries queries, SearchedNames names) {
        this.queries = queries;
        this.names = names;
    }

    @Scheduled(
            fixedDelayString = "${kontor.orders.fold-counts-interval:PT30S}",
            initialDelayString = "${kontor.orders.fold-counts-interval:PT30S}")
    @Transactional
    public void fold() {
        queries.foldCounts();
    }

    @Scheduled(
            fixedDelayString = "${kontor.orders.fold-names-interval:PT5S}",
            initialDelayString = "${kontor.orders.fold-names-interval:PT5S}")
    @Transactional
    public void foldNames() {
        names.fold();
    }
}
