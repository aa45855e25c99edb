package dev.kontor.integration;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a webhook may point (plain Java, tested on its own): an absolute HTTPS URL of a host on the public internet.
 * Plain HTTP only to this machine, and this machine or a private network only when the installation allows it
 * ({@code kontor.webhooks.allow-localhost}, {@code allow-private-networks}): a webhook is a request Kontor's server
 * makes, and one to an internal address would reach what the internet cannot (server-side request forgery). Checked
 * when the webhook is kept and again before every delivery (a name can point elsewhere later).
 */
public final class WebhookTarget {

    private WebhookTarget() {}

    /** What the installation allows besides public HTTPS hosts. */
    public record Allowed(boolean localhost, boolean privateNetworks) {}

    /** Resolves a host's addresses (the real one asks DNS; tests give their own). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    public static final Resolver DNS = InetAddress::getAllByName;

    private static final Set<String> SCHEMES = Set.of("http", "https");

    /** Why a URL is refused (a message key and its argument), or nothing when it is allowed. */
    public static Optional<String> refusal(String url, Allowed allowed, Resolver resolver) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("validation.webhook.url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || uri.getUserInfo() != null || !SCHEMES.contains(scheme)) {
            return Optional.of("validation.webhook.url");
        }
        if (scheme.equals("http") && !(allowed.localhost() && namesThisMachine(host))) {
            return Optional.of("validation.webhook.https"); // said before any name is looked up
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("validation.webhook.unknown-host");
        }
        boolean local = false;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                local = true;
            } else if (isPrivate(address) && !allowed.privateNetworks()) {
                return Optional.of("validation.webhook.private");
            }
        }
        if (local && !allowed.localhost()) {
            return Optional.of("validation.webhook.private");
        }
        if (scheme.equals("http") && !(local && allowed.localhost())) {
            return Optional.of("validation.webhook.https");
        }
        return Optional.empty();
    }

    /** {@code localhost} or a loopback address written out (127.0.0.1, [::1]). */
    private static boolean namesThisMachine(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    /** Private, link-local, multicast, carrier-grade NAT and unique-local IPv6 addresses. */
    static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // fc00::/7
        }
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 // 100.64.0.0/10
                || (b[0] & 0xff) == 169 && (b[1] & 0xff) == 254
                || (b[0] & 0xff) == 0;
    }
}
