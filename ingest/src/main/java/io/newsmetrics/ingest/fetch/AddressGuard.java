package io.newsmetrics.ingest.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Decides which IP addresses the crawler may connect to. By default only public unicast addresses:
 * loopback, private (RFC 1918, IPv6 unique-local), link-local (including the cloud metadata address
 * 169.254.169.254), multicast, unspecified, carrier-grade NAT, reserved and documentation ranges are refused,
 * as are IPv4-mapped and NAT64/6to4 forms of them.
 */
public final class AddressGuard {
    private final boolean allowLoopback;
    private final boolean allowPrivate;

    private AddressGuard(boolean allowLoopback, boolean allowPrivate) {
        this.allowLoopback = allowLoopback;
        this.allowPrivate = allowPrivate;
    }

    public static AddressGuard of(boolean allowLoopback, boolean allowPrivate) {
        return new AddressGuard(allowLoopback, allowPrivate);
    }

    public static AddressGuard from(FetchSettings settings) {
        return of(settings.allowLoopback(), settings.allowPrivateNetworks());
    }

    /** Why the address is refused, or null when it is allowed. */
    public String refusal(InetAddress address) {
        Objects.requireNonNull(address, "address");
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String r = refusal(embedded);
                return r == null ? null : r + " (embedded in " + address.getHostAddress() + ")";
            }
        }
        if (address.isAnyLocalAddress()) {
            return "unspecified address " + address.getHostAddress();
        }
        if (address.isLoopbackAddress()) {
            return allowLoopback ? null : "loopback address " + address.getHostAddress();
        }
        if (address.isMulticastAddress()) {
            return "multicast address " + address.getHostAddress();
        }
        if (address.isLinkLocalAddress()) {
            return allowPrivate ? null : "link-local address " + address.getHostAddress();
        }
        if (address.isSiteLocalAddress() || isPrivateExtra(address)) {
            return allowPrivate ? null : "private address " + address.getHostAddress();
        }
        String reserved = reserved(address);
        return reserved == null ? null : reserved + " " + address.getHostAddress();
    }

    /**
     * Checks every address of a host.
     *
     * @return the addresses, all allowed
     * @throws FetchException BLOCKED_ADDRESS when any is refused (a host with one bad address is not trusted),
     *                        UNKNOWN_HOST when the name does not resolve
     */
    public List<InetAddress> check(String host, HostResolver resolver, String url) throws FetchException {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw FetchException.permanent(FailureReason.UNKNOWN_HOST, url, "cannot resolve host " + host, e);
        }
        if (addresses == null || addresses.isEmpty()) {
            throw FetchException.permanent(FailureReason.UNKNOWN_HOST, url, "no address for host " + host);
        }
        for (InetAddress a : addresses) {
            String r = refusal(a);
            if (r != null) {
                throw FetchException.permanent(FailureReason.BLOCKED_ADDRESS, url, "host " + host + " resolves to " + r);
            }
        }
        return addresses;
    }

    private static InetAddress embeddedIpv4(byte[] b) {
        boolean mapped = true; // ::ffff:a.b.c.d
        for (int i = 0; i < 10; i++) {
            mapped &= b[i] == 0;
        }
        mapped &= (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = true; // ::a.b.c.d (deprecated), but not :: and ::1
        for (int i = 0; i < 12; i++) {
            compatible &= b[i] == 0;
        }
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12); // 64:ff9b::/96
        try {
            if (mapped || nat64 || (compatible && !(allZero(b, 12, 15) && (b[15] == 0 || b[15] == 1)))) {
                return InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) { // 6to4 2002:a.b.c.d::/48
                return InetAddress.getByAddress(new byte[]{b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes always make an address", e);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrivateExtra(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return b0 == 100 && b1 >= 64 && b1 <= 127; // carrier-grade NAT 100.64/10
        }
        return (b[0] & 0xfe) == 0xfc; // unique-local fc00::/7
    }

    private static String reserved(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            int b2 = b[2] & 0xff;
            if (b0 == 0) {
                return "'this network' address";
            }
            if (b0 >= 240) {
                return "reserved address"; // 240/4 and broadcast
            }
            if (b0 == 192 && b1 == 0 && b2 == 0) {
                return "IETF protocol address"; // 192.0.0/24
            }
            if ((b0 == 192 && b1 == 0 && b2 == 2) || (b0 == 198 && b1 == 51 && b2 == 100) || (b0 == 203 && b1 == 0 && b2 == 113)) {
                return "documentation address";
            }
            if (b0 == 198 && (b1 == 18 || b1 == 19)) {
                return "benchmarking address";
            }
            return null;
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
            return "documentation address"; // 2001:db8::/32
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "site-local address"; // fec0::/10, deprecated
        }
        return null;
    }
}
