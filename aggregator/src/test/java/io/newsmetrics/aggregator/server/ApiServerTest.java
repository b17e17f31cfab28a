package io.newsmetrics.aggregator.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.model.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiServerTest {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ApiServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpHandler text(String body) {
        return ex -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldRouteByTheLongestPathPrefix() throws Exception {
        Map<String, HttpHandler> routes = new LinkedHashMap<>();
        routes.put("/", text("root"));
        routes.put("/indicators", text("indicators"));
        routes.put("/indicators/special", text("special"));
        server = ApiServer.start("127.0.0.1", 0, 2, routes, p -> false);
        assertEquals("root", get("/").body());
        assertEquals("root", get("/other").body());
        assertEquals("indicators", get("/indicators/a/b").body());
        assertEquals("special", get("/indicators/special/x").body());
        assertEquals("text/plain", get("/").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void shouldGiveTheHandlerThePathQueryHeadersAndBody() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        server = ApiServer.start("127.0.0.1", 0, 2, Map.of("/echo", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.set(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + ex.getRequestURI().getRawQuery()
                    + " " + ex.getRequestHeaders().getFirst("X-Test") + " " + body);
            text("ok").handle(ex);
        }), p -> false);
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/echo/s%C3%A3o%2Fx?a=1&b=%20"))
                .header("X-Test", "yes").POST(HttpRequest.BodyPublishers.ofString("hello")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("POST /echo/são/x a=1&b=%20 yes hello", seen.get());
    }

    @Test
    void shouldStreamLargeBodiesWithAndWithoutALength() throws Exception {
        byte[] big = new byte[3 * ResponseStream.CHUNK + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        HttpHandler write = ex -> {
            boolean fixed = ex.getRequestURI().getPath().endsWith("fixed");
            ex.sendResponseHeaders(200, fixed ? big.length : 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int off = 0; off < big.length; off += 1000) {
                    out.write(big, off, Math.min(1000, big.length - off));
                }
            }
        };
        server = ApiServer.start("127.0.0.1", 0, 2, Map.of("/big", write), p -> p.startsWith("/big/quick"));
        for (String path : new String[] {"/big/fixed", "/big/chunked", "/big/quick-fixed", "/big/quick-chunked"}) {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode(), path);
            assertArrayEquals(big, r.body(), path);
        }
    }

    @Test
    void shouldCompleteAnExchangeFromAnotherThreadAfterTheHandlerReturned() throws Exception {
        server = ApiServer.start("127.0.0.1", 0, 2, Map.of("/later", ex -> CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(200);
                text("answered later").handle(ex);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        })), p -> true);
        HttpResponse<String> r = get("/later");
        assertEquals(200, r.statusCode());
        assertEquals("answered later", r.body());
    }

    @Test
    void shouldAnswerQuickPathsWhileEveryPoolThreadIsBlocked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicReference<String> quickThread = new AtomicReference<>();
        AtomicReference<String> slowThread = new AtomicReference<>();
        Map<String, HttpHandler> routes = Map.of(
                "/slow", ex -> {
                    slowThread.set(Thread.currentThread().getName());
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    text("slow").handle(ex);
                },
                "/quick", ex -> {
                    quickThread.set(Thread.currentThread().getName());
                    text("quick").handle(ex);
                });
        server = ApiServer.start("127.0.0.1", 0, 1, routes, "/quick"::equals);
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        assertEquals("quick", get("/quick").body(), "the one pool thread is blocked, the quick path still answers");
        release.countDown();
        assertEquals("slow", slow.get(10, TimeUnit.SECONDS).body());
        assertNotEquals(slowThread.get(), quickThread.get());
    }

    @Test
    void shouldKeepAnsweringQuickPathsWhileAClientDoesNotReadItsAnswers() throws Exception {
        server = ApiServer.start("127.0.0.1", 0, 1, Map.of("/quick", text("q".repeat(1000))), "/quick"::equals);
        try (Socket hog = new Socket()) {
            hog.setReceiveBufferSize(4096);
            hog.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            byte[] one = "GET /quick HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = new Thread(() -> { // 40 MB of answers nobody reads: far beyond any socket buffer
                try {
                    OutputStream out = hog.getOutputStream();
                    for (int i = 0; i < 40_000; i++) {
                        out.write(one);
                    }
                } catch (IOException e) {
                    // the test closes the socket while this may still be blocked
                }
            });
            writer.setDaemon(true);
            writer.start();
            Thread.sleep(1000);
            HttpResponse<String> other = get("/quick");
            assertEquals(200, other.statusCode(), "another client is answered while the hog's answers pile up");
        }
    }

    @Test
    void shouldShedLoadWith503WhenTooManyRequestsWait() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        server = ApiServer.start("127.0.0.1", 0, 1, 1, Map.of("/slow", ex -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            text("done").handle(ex);
        }), p -> false);
        HttpRequest slow = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow")).build();
        CompletableFuture<HttpResponse<String>> running = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        // the one pool thread is busy: of the requests sent now, the first to arrive takes the one waiting place
        // (not necessarily the first sent) and every later one is refused
        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        HttpResponse<String> refused = null;
        for (int i = 0; i < 50 && refused == null; i++) {
            CompletableFuture<HttpResponse<String>> sent = client.sendAsync(slow, HttpResponse.BodyHandlers.ofString());
            others.add(sent);
            try {
                HttpResponse<String> r = sent.get(2, TimeUnit.SECONDS);
                refused = r.statusCode() == 503 ? r : null;
            } catch (TimeoutException e) {
                // this one waits in the queue: it is answered once the running request ends
            }
        }
        release.countDown();
        assertTrue(refused != null, "a request while one runs and one waits is refused");
        assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals("unavailable", Json.mapper().readTree(refused.body()).path("error").asText());
        assertEquals("done", running.get(10, TimeUnit.SECONDS).body());
        int done = 0;
        for (CompletableFuture<HttpResponse<String>> f : others) {
            HttpResponse<String> r = f.get(10, TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 503 || "done".equals(r.body()), r.statusCode() + " " + r.body());
            done += "done".equals(r.body()) ? 1 : 0;
        }
        assertEquals(1, done, "the one request accepted into the queue is answered: nothing accepted is dropped");
    }

    @Test
    void shouldAnswerJettysOwnErrorsAsJson() throws Exception {
        server = ApiServer.start("127.0.0.1", 0, 2, Map.of("/only", text("x")), p -> false);
        HttpResponse<String> missing = get("/elsewhere");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", Json.mapper().readTree(missing.body()).path("error").asText());

        String raw = rawRequest("GET /only HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 431"), raw);
        assertTrue(raw.contains("{\"error\":"), raw);

        String bad = rawRequest("NONSENSE\r\n\r\n");
        assertTrue(bad.startsWith("HTTP/1.1 400"), bad);
        assertTrue(bad.contains("{\"error\":\"bad_request\""), bad);
    }

    @Test
    void shouldAnswer500WhenAHandlerFailsOrClosesWithoutAnswering() throws Exception {
        server = ApiServer.start("127.0.0.1", 0, 2, Map.of(
                "/throws", ex -> {
                    throw new IllegalStateException("kaput");
                },
                "/silent", HttpExchange::close), p -> false);
        HttpResponse<String> thrown = get("/throws");
        assertEquals(500, thrown.statusCode());
        assertTrue(!thrown.body().contains("\tat "), "no stack trace");
        assertEquals(500, get("/silent").statusCode());
    }

    @Test
    void shouldLetARequestInFlightFinishWithinTheGracePeriodWhenStopping() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        server = ApiServer.start("127.0.0.1", 0, 1, Map.of("/slow", ex -> {
            entered.countDown();
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            text("finished").handle(ex);
        }), p -> false);
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        server.stop(5_000);
        assertEquals("finished", inFlight.get(10, TimeUnit.SECONDS).body());
    }

    @Test
    void shouldNameTheAddressWhenThePortIsTaken() {
        server = ApiServer.start("127.0.0.1", 0, 1, Map.of("/", text("x")), p -> false);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ApiServer.start("127.0.0.1", server.port(), 1, Map.of("/", text("y")), p -> false));
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
    }

    @Test
    void shouldCheckItsArguments() {
        assertThrows(IllegalArgumentException.class, () -> ApiServer.start("127.0.0.1", 70000, 1, Map.of(), p -> false));
        assertThrows(IllegalArgumentException.class, () -> ApiServer.start("127.0.0.1", 0, 0, Map.of(), p -> false));
        assertThrows(NullPointerException.class, () -> ApiServer.start("127.0.0.1", 0, 1, null, p -> false));
    }

    private String rawRequest(String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[64 * 1024];
            int n = 0;
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                if (new String(buf, 0, n, StandardCharsets.ISO_8859_1).contains("}")) {
                    break;
                }
            }
            return new String(Arrays.copyOf(buf, n), StandardCharsets.ISO_8859_1);
        }
    }
}
