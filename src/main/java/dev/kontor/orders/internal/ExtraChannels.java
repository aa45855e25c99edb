package dev.kontor.orders.internal;

import dev.kontor.orders.Channel;
import dev.kontor.shared.StartupProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Channels beyond the built-in ones, from {@code kontor.orders.extra-channels}: a comma-separated list of
 * {@code CODE:Name:PREFIX-}, e.g. {@code ALIEXPRESS:AliExpress:AE-}. Added at start-up unless they exist.
 */
@Component
@Order(1)
class ExtraChannels implements ApplicationRunner {

    private final ChannelRepository channels;
    private final String setting;

    ExtraChannels(ChannelRepository channels, @Value("${kontor.orders.extra-channels:}") String setting) {
        this.channels = channels;
        this.setting = setting;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":");
            if (parts.length != 3 || !parts[0].matches("[A-Z][A-Z0-9_]{1,31}") || parts[2].isBlank()) {
                throw new StartupProblem(
                        "kontor.orders.extra-channels has an entry Kontor cannot read: " + entry,
                        "Write each channel as CODE:Name:PREFIX- (code in capitals), separated by commas, "
                                + "e.g. ALIEXPRESS:AliExpress:AE-,JD:JD.com:JD-",
                        null);
            }
            Channel channel = new Channel(parts[0], parts[1].strip(), parts[2].strip());
            channels.addIfAbsent(channel);
            if (channels.findAll().stream().noneMatch(c -> c.code().equals(channel.code()))) {
                throw new StartupProblem(
                        "The order number prefix " + channel.numberPrefix() + " of channel " + channel.code()
                                + " is already used by another channel.",
                        "Give the channel its own prefix in kontor.orders.extra-channels.",
                        null);
            }
        }
    }
}
