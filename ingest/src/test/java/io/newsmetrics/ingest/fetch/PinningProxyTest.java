package io.newsmetrics.ingest.fetch;

import io.newsmetrics.ingest.TestSite;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PinningProxyTest {
    private static final HostResolver TEST_NAMES = host -> List.of(InetAddress.getByName(
            host.startsWith("evil") ? "169.254.169.254" : "127.0.0.1"));

    @Test
    void tunnelsConnectToTheCheckedAddress() throws Exception {
        try (TestSite site = new TestSite().page("/x", 200, "text/plain", "hello");
             PinningProxy proxy = PinningProxy.start(AddressGuard.of(true, false), TEST_NAMES,
                     Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            InetSocketAddress addr = proxyAddress(proxy);
            try (Socket s = new Socket(addr.getAddress(), addr.getPort())) {
                s.setSoTimeout(5000);
                OutputStream out = s.getOutputStream();
                out.write(("CONNECT site.test:" + site.port() + " HTTP/1.1\r\nHost: site.test:" + site.port() + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
                in.readLine(); // blank line
                out.write("GET /x HTTP/1.1\r\nHost: site.test\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
                String line;
                String last = null;
                while ((line = in.readLine()) != null) {
                    last = line;
                }
                assertEquals("hello", last);
            }
        }
    }

    @Test
    void refusesConnectToBlockedAddressesWithAReason() throws Exception {
        try (PinningProxy proxy = PinningProxy.start(AddressGuard.of(true, false), TEST_NAMES,
                Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            InetSocketAddress addr = proxyAddress(proxy);
            try (Socket s = new Socket(addr.getAddress(), addr.getPort())) {
                s.setSoTimeout(5000);
                s.getOutputStream().write("CONNECT evil.test:443 HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                assertTrue(in.readLine().startsWith("HTTP/1.1 403"));
                assertTrue(in.readLine().startsWith(PinningProxy.REFUSAL_HEADER + ": "));
            }
            String why = proxy.lastRefusal(URI.create("https://evil.test/"));
            assertTrue(why != null && why.contains("169.254.169.254"), why);
        }
    }

    @Test
    void sendsOnlyNamedHostsThroughTheProxy() {
        try (PinningProxy proxy = PinningProxy.start(AddressGuard.of(true, false), TEST_NAMES,
                Duration.ofSeconds(2), Duration.ofSeconds(5))) {
            assertEquals(Proxy.NO_PROXY, proxy.selector().select(URI.create("http://127.0.0.1:8080/")).get(0));
            assertEquals(Proxy.NO_PROXY, proxy.selector().select(URI.create("http://[::1]:8080/")).get(0));
            assertEquals(Proxy.Type.HTTP, proxy.selector().select(URI.create("https://news.test/")).get(0).type());
        }
    }

    private static InetSocketAddress proxyAddress(PinningProxy proxy) {
        return (InetSocketAddress) proxy.selector().select(URI.create("http://name.test/")).get(0).address();
    }
}
