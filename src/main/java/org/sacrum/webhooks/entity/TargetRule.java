package org.sacrum.webhooks.entity;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Sacrum may send a request (server-side request forgery guard): never to loopback, link-local, private,
 * unique-local, CGNAT, "this network", multicast or any-local addresses (IPv4-mapped forms included), unless the
 * operator's allow-list ({@code sacrum.webhooks.allowed-hosts}: host names, addresses, CIDR ranges) names them.
 */
public final class TargetRule {
    public static final String RULE = "webhook-target-allowed";
    private final List<String> hosts = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();

    record Cidr(byte[] network, int bits) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        static Optional<Cidr> parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            if (!isLiteral(host)) {
                return Optional.empty();
            }
            try {
                byte[] net = InetAddress.getByName(host).getAddress();
                int bits = slash < 0 ? net.length * 8 : Integer.parseInt(text.substring(slash + 1));
                return bits < 0 || bits > net.length * 8 ? Optional.empty() : Optional.of(new Cidr(net, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private static final List<Cidr> FORBIDDEN = List.of(
            cidr("0.0.0.0/8"), cidr("10.0.0.0/8"), cidr("100.64.0.0/10"), cidr("127.0.0.0/8"), cidr("169.254.0.0/16"),
            cidr("172.16.0.0/12"), cidr("192.0.0.0/24"), cidr("192.168.0.0/16"), cidr("198.18.0.0/15"), cidr("224.0.0.0/4"),
            cidr("240.0.0.0/4"), cidr("::/128"), cidr("::1/128"), cidr("fc00::/7"), cidr("fe80::/10"), cidr("ff00::/8"));

    private static Cidr cidr(String text) {
        return Cidr.parse(text).orElseThrow();
    }

    /** A literal IPv4 or IPv6 address (never a name: parsing it must not touch DNS). */
    static boolean isLiteral(String host) {
        return host.matches("[0-9.]+") && host.chars().filter(c -> c == '.').count() == 3 || host.contains(":");
    }

    /** {@code allowList}: comma-separated host names, addresses and CIDR ranges (blank: none). */
    public TargetRule(String allowList) {
        if (allowList == null) {
            return;
        }
        Arrays.stream(allowList.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(s -> Cidr.parse(s)
                .ifPresentOrElse(ranges::add, () -> hosts.add(s.toLowerCase(Locale.ROOT))));
    }

    /** Why the address may not be a target, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        if (ranges.stream().anyMatch(r -> r.contains(address))) {
            return Optional.empty();
        }
        InetAddress effective = unmapped(address);
        if (effective.isAnyLocalAddress() || effective.isLoopbackAddress() || effective.isLinkLocalAddress()
                || effective.isSiteLocalAddress() || effective.isMulticastAddress()
                || FORBIDDEN.stream().anyMatch(r -> r.contains(effective))) {
            return Optional.of(address.getHostAddress() + " is a loopback, private, link-local or otherwise internal address");
        }
        return Optional.empty();
    }

    /** An IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible IPv6 address judged as the IPv4 address it carries. */
    static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] a = address.getAddress();
            boolean prefixZero = true;
            for (int i = 0; i < 10; i++) {
                prefixZero &= a[i] == 0;
            }
            boolean mapped = prefixZero && (a[10] == (byte) 0xff && a[11] == (byte) 0xff || a[10] == 0 && a[11] == 0 && a[12] != 0);
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(Arrays.copyOfRange(a, 12, 16));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return address;
    }

    /** Why the URL's host (resolved with {@code resolver}) may not be a target, or empty when every address it has may. */
    public Optional<String> refusal(URI url, Resolver resolver) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("the URL has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (hosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + bare + " does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("the host " + bare + " does not resolve");
        }
        for (InetAddress a : addresses) {
            Optional<String> refused = refusal(a);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    /** Name resolution (the JDK's, or a test's). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
