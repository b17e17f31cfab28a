package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AddressGuardTest {
    private final AddressGuard strict = AddressGuard.of(false, false);

    @Test
    void refusesEveryNonPublicRange() throws Exception {
        for (String a : List.of("127.0.0.1", "127.8.9.10", "::1", "10.0.0.1", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "169.254.0.1", "0.0.0.0", "::", "224.0.0.1", "239.255.255.250",
                "ff02::1", "fe80::1", "fc00::1", "fd12:3456::1", "100.64.0.1", "255.255.255.255", "240.0.0.1",
                "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "2001:db8::1", "fec0::1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::", "::127.0.0.1")) {
            assertNotNull(strict.refusal(InetAddress.getByName(a)), a + " must be refused");
        }
    }

    @Test
    void allowsPublicUnicast() throws Exception {
        for (String a : List.of("93.184.216.34", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1",
                "2606:4700::1111", "::ffff:8.8.8.8")) {
            assertNull(strict.refusal(InetAddress.getByName(a)), a + " must be allowed");
        }
    }

    @Test
    void allowsLoopbackAndPrivateOnlyWhenConfigured() throws Exception {
        AddressGuard loopback = AddressGuard.of(true, false);
        assertNull(loopback.refusal(InetAddress.getByName("127.0.0.1")));
        assertNull(loopback.refusal(InetAddress.getByName("::1")));
        assertNotNull(loopback.refusal(InetAddress.getByName("10.0.0.1")));
        AddressGuard priv = AddressGuard.of(false, true);
        assertNull(priv.refusal(InetAddress.getByName("10.0.0.1")));
        assertNull(priv.refusal(InetAddress.getByName("169.254.169.254")));
        assertNotNull(priv.refusal(InetAddress.getByName("127.0.0.1")));
        assertNotNull(priv.refusal(InetAddress.getByName("0.0.0.0")), "unspecified is never allowed");
        assertNotNull(priv.refusal(InetAddress.getByName("224.0.0.1")), "multicast is never allowed");
    }

    @Test
    void refusesAHostWhenAnyOfItsAddressesIsRefused() throws Exception {
        HostResolver mixed = host -> List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.0.0.1"));
        FetchException e = assertThrows(FetchException.class, () -> strict.check("mixed.test", mixed, "http://mixed.test/"));
        assertEquals(FailureReason.BLOCKED_ADDRESS, e.reason());
        HostResolver none = host -> List.of();
        assertEquals(FailureReason.UNKNOWN_HOST,
                assertThrows(FetchException.class, () -> strict.check("none.test", none, "http://none.test/")).reason());
    }
}
