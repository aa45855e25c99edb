/**
 * Marketplace imports: the daily order files of Taobao/Tmall (订单报表 + 宝贝报表), Shopify, eBay and Amazon. A batch
 * is uploaded (its files recognised by their headers, their encoding found, each read row by row with FastCSV),
 * staged and checked ({@link dev.kontor.imports.ImportStaging}, {@link dev.kontor.imports.ImportChecks}), reviewed
 * with every problem on its file, line and column, and committed through a bulk job
 * ({@link dev.kontor.imports.ImportCommits}) that places each order with the orders module's public face, never the
 * other way round. Channel and marketplace order id are the key: an order Kontor has is never placed twice. The
 * reconciliation ({@link dev.kontor.imports.Imports#reconciliation}) compares the files with what was imported.
 *
 * <p>Owns {@code import_batches}, {@code import_files}, {@code import_orders}, {@code import_lines} and
 * {@code import_problems}. Public face: {@link dev.kontor.imports.ImportStaging} (upload),
 * {@link dev.kontor.imports.Imports} (read), {@link dev.kontor.imports.ImportCommits} (commit; the bulk handler of
 * {@code import} subjects); the readers in {@code read} are plain Java. Depends on orders, payments, fulfillment,
 * catalog, customers, markets, bulk, timeline and access; publishes nothing, listens to nothing. Owns also
 * {@code import_mappings} (column mappings for other systems' exports) and {@code import_review_rules} (which imported
 * orders skip review, Admin → Import rules).
 */
@ApplicationModule(displayName = "Imports")
package dev.kontor.imports;

import org.springframework.modulith.ApplicationModule;
