package dev.kontor.integration;

import java.util.Set;

/**
 * The extension point for telling a marketplace what happened to its order (docs/channels.md): one Spring bean per
 * channel (or several channels), a plain interface. Kontor calls it from a background job after the change committed,
 * with the webhooks' retries: an exception means "try again later"; after the retry window the update is given up and
 * the order's timeline says so. What it answers goes into the order's timeline. A connector must tolerate the same
 * update twice (same {@link ChannelUpdate#id()}): an answer can be lost after the marketplace took it.
 */
public interface ChannelConnector {

    /** The channel codes it speaks for ({@code TAOBAO}, {@code EBAY} …). */
    Set<String> channels();

    /**
     * Tells the channel.
     *
     * @return what the channel said or where the update went, for the order's timeline (a reference, a file's day)
     * @throws Exception when it could not be told now: it is tried again
     */
    String tell(ChannelUpdate update) throws Exception;
}
