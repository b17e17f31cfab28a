package io.newsmetrics.ingest.fetch;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.newsmetrics.ingest.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTPS to a named host goes through the pinning proxy as a CONNECT tunnel: TLS, SNI and certificate checks stay
 * end to end. A local HTTPS server with a throw-away certificate for {@code news.test} (made with the JDK's keytool).
 */
class HttpsThroughProxyTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    @TempDir
    static Path dir;
    static HttpsServer server;
    static SSLContext clientContext;

    @BeforeAll
    static void startServer() throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "news", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=news.test",
                "-ext", "SAN=dns:news.test", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/robots.txt", ex -> TestSite.send(ex, 404, "text/plain", ""));
        server.createContext("/a", ex -> TestSite.send(ex, 200, "text/html",
                TestSite.article("Secure news", "Output grew 0.3% in the second quarter.")));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static Crawler crawler() {
        return Crawler.create(FetchSettings.defaults().withAllowLoopback(true).withPolitenessDelay(Duration.ZERO)
                        .withMaxAttempts(1),
                host -> List.of(InetAddress.getByName("127.0.0.1")), clientContext);
    }

    @Test
    void fetchesHttpsThroughTheTunnelWithTheRightCertificate() throws Exception {
        try (Crawler crawler = crawler()) {
            CrawlResult r = crawler.crawl("https://news.test:" + server.getAddress().getPort() + "/a", false)
                    .get(30, TimeUnit.SECONDS);
            assertEquals("Secure news", r.article().title());
        }
    }

    @Test
    void keepsCertificateChecksForOtherNames() throws Exception {
        try (Crawler crawler = crawler()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> crawler
                    .crawl("https://other.test:" + server.getAddress().getPort() + "/a", false).get(30, TimeUnit.SECONDS));
            FetchException fe = assertInstanceOf(FetchException.class, e.getCause());
            assertEquals(FailureReason.CONNECTION_FAILED, fe.reason(), fe.getMessage());
        }
    }
}
