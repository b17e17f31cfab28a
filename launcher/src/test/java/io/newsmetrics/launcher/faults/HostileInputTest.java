package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.launcher.NewsMetrics;
import io.newsmetrics.launcher.Pipeline;
import io.newsmetrics.launcher.PipelineConfig;
import io.newsmetrics.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input at the boundaries: query parameters, paths and bodies of the HTTP API (aggregator and
 * {@code POST /urls}), command-line arguments and files. Each gets a 4xx with a JSON error (HTTP) or a non-zero
 * exit code with a one-line message naming the problem (CLI); none gets a 5xx, a stack trace or a hang, and the
 * server keeps answering afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class HostileInputTest {
    @TempDir
    static Path dir;
    private Pipeline pipeline;
    private String api;

    @BeforeAll
    void start() throws Exception {
        pipeline = Pipeline.start(PipelineConfig.defaults(dir.resolve("data")).withPorts(0, 0)
                .withHttp("127.0.0.1", "127.0.0.1").withPartitions(3));
        api = "http://127.0.0.1:" + pipeline.httpPort();
        FaultKit.await("the aggregator's /ready", Duration.ofSeconds(90), pipeline::isReady);
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void shouldAnswerHostileQueriesWithClientErrors() throws Exception {
        List<String> paths = List.of(
                "/indicators?limit=abc", "/indicators?limit=0", "/indicators?limit=10001", "/indicators?limit=99999999999",
                "/indicators?limit=-5", "/indicators?bogus=1", "/indicators?limit=1&limit=2", "/indicators?cursor=%25zz",
                "/indicators?cursor=!!!not-base64", "/indicators?cursor=" + "QQ".repeat(3000),
                "/indicators/a%00b/c", "/indicators/" + "x".repeat(5000) + "/y", "/indicators/china/x?asOf=not-a-period",
                "/indicators/china/x?asOf=2024-13", "/indicators/china/x/history?from=2025&to=2020",
                "/indicators/china/x/history?from=yesterday", "/indicators/china/x?unknown=1",
                "/indicators?requireComplete=maybe", "/indicatorsXYZ");
        for (String path : paths) {
            HttpResponse<String> r = FaultKit.get(api + path);
            assertClientError(r, "GET " + shorten(path));
        }
        // what an HTTP client library would refuse to send: malformed escapes, raw control bytes
        for (String target : List.of("/indicators?cursor=%zz", "/indicators?limit=%", "/indicators/%E0%A4%A/x",
                "/indicators/a%ZZb/c")) {
            int status = rawStatus(target);
            assertTrue(status >= 400 && status < 500, "GET " + target + " answered " + status);
        }
        assertEquals(404, FaultKit.get(api + "/indicators/nowhere/nothing").statusCode());
        // odd but valid: answered normally
        assertEquals(200, FaultKit.get(api + "/indicators?text=" + "%F0%9F%92%A9".repeat(200)).statusCode());
        assertEquals(200, FaultKit.get(api + "/indicators?limit=%201000%20").statusCode());
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/indicators/china/x"))
                    .method(method, HttpRequest.BodyPublishers.ofString("{}")));
            assertClientError(r, method + " /indicators/china/x");
        }
        assertEquals(200, FaultKit.get(api + "/health").statusCode(), "the server still answers");
    }

    @Test
    void shouldRefuseHostileUrlBodiesWithoutWritingAnything() throws Exception {
        StringBuilder tooMany = new StringBuilder();
        for (int i = 0; i <= 10_000; i++) {
            tooMany.append("https://example.org/").append(i).append('\n');
        }
        byte[] binary = new byte[4096];
        new Random(7).nextBytes(binary);
        List<byte[]> bodies = List.of(
                bytes(""), bytes("   \n\n# only a comment\n"), bytes("not a url"), bytes("[1, 2, 3]"),
                bytes("{\"url\": "), bytes("{\"url\": 5}"), bytes("file:///etc/passwd"), bytes("javascript:alert(1)"),
                bytes("https://example.org/ok\nnot a url"), bytes("[\"https://example.org/a\", {\"url\": null}]"),
                bytes("https://exa mple.org/space"), bytes("https://example.org/" + "a".repeat(100_000)),
                bytes("x".repeat(2 * 1024 * 1024)), bytes(tooMany.toString()), binary,
                bytes("{\"url\": \"https://example.org/\", \"force\": \"yes please\"}"));
        for (byte[] body : bodies) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(api + "/urls"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertClientError(r, "POST /urls " + shorten(new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8)));
        }
        assertClientError(FaultKit.get(api + "/urls"), "GET /urls");
        long written = FaultKit.readAll(pipeline.bootstrapServers(), io.newsmetrics.model.Topics.NEWS_URLS, false).size();
        assertEquals(0, written, "a refused request wrote URLs");
        assertEquals(200, FaultKit.get(api + "/health").statusCode(), "the server still answers");
    }

    @Test
    void shouldFailBadCommandLinesWithAClearMessage() throws Exception {
        Path missing = dir.resolve("no-such-file.html");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path badHeader = Files.writeString(dir.resolve("bad-header.txt"), "date 2025-13 no-url-here\nTitle\nBody 5 percent.");
        Path garbage = dir.resolve("garbage.html");
        byte[] noise = new byte[64 * 1024];
        new Random(11).nextBytes(noise);
        Files.write(garbage, noise);
        String[][] lines = {
                {"no-such-command"},
                {"up", "--http-port", "abc"},
                {"up", "--http-port", "70000", "--data-dir", dir.resolve("cli").toString()},
                {"up", "--partitions", "0", "--data-dir", dir.resolve("cli").toString()},
                {"up", "--broker-port", "-1", "--data-dir", dir.resolve("cli").toString()},
                {"query", "--url", "not a url"},
                {"query", "--url", "http://127.0.0.1:1"},
                {"query", "--url", api, "bad%00key"},
                {"extract"},
                {"extract", missing.toString()},
                {"extract", dir.toString()},
                {"extract", badHeader.toString()},
                {"parse", missing.toString()},
                {"quantities", "--no-such-option"},
        };
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            for (String[] line : lines) {
                Outcome o = run(runner, line);
                String shown = String.join(" ", line);
                assertNotEquals(0, o.code, shown + " succeeded; stderr: " + o.err);
                assertFalse(o.err.isBlank(), shown + " failed without a message");
                assertFalse(o.err.contains("\tat "), shown + " printed a stack trace:\n" + o.err);
            }
            // an empty or random file is not a failure of the program: no events or a clear refusal, never a trace
            for (Path odd : List.of(empty, garbage)) {
                Outcome o = run(runner, new String[]{"extract", odd.toString()});
                assertFalse(o.err.contains("\tat "), "extract of " + odd.getFileName() + " printed a stack trace:\n" + o.err);
            }
        } finally {
            runner.shutdownNow();
        }
    }

    private record Outcome(int code, String err) {
    }

    /** Runs a command line in this JVM with stderr captured; a command that hangs is a failure. */
    private static Outcome run(ExecutorService runner, String[] args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        PrintStream oldOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Future<Integer> code = runner.submit(() -> NewsMetrics.execute(args));
            return new Outcome(code.get(60, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }

    /** The status of a GET written by hand on a socket, for request targets a client library would not send. */
    private int rawStatus(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), pipeline.httpPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1))
                    .readLine();
            if (statusLine == null) {
                return -1; // closed without an answer
            }
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return FaultKit.HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertClientError(HttpResponse<String> r, String what) throws IOException {
        assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, what + " answered " + r.statusCode() + ": " + shorten(r.body()));
        if (r.statusCode() != 404 || !r.body().isEmpty()) {
            JsonNode body = Json.mapper().readTree(r.body());
            assertTrue(body.isObject() && (body.hasNonNull("error") || body.has("rejected")),
                    what + " answered without a JSON error: " + shorten(r.body()));
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
