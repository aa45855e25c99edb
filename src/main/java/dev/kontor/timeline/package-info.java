/**
 * Timelines: the append-only history of a subject (an order, later a customer or a product). Other modules
 * call {@link dev.kontor.timeline.Timeline#record} inside their own transaction, so an entry is written if
 * and only if the change it describes is: who, when, what, the values before and after, and why.
 *
 * <p>Publishes {@link dev.kontor.timeline.TimelineRecorded} synchronously, inside the recording transaction (the
 * integration module derives the order's events from it); listens to nothing; depends only on the shared kernel.
 */
@ApplicationModule(displayName = "Timeline")
package dev.kontor.timeline;

import org.springframework.modulith.ApplicationModule;
