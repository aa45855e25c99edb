package dev.kontor.workbench;

/**
 * A filter of the order lists that another module adds (a Spring bean): its key in the query string
 * ({@code mark=unconfirmed}), the words of its checkbox, and its condition over {@code orders o} — SQL of the module
 * that owns the tables it reads, without parameters. The integration module's "not yet confirmed to the channel" is
 * one.
 */
public interface OrderMark {

    /** How the query string names it: letters only. */
    String key();

    /** The message key of its label. */
    String labelKey();

    /** The condition over {@code orders o}. */
    String condition();
}
