package io.newsmetrics.launcher.faults;

import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.rest.ApiException;
import io.newsmetrics.aggregator.rest.Params;
import io.newsmetrics.ingest.UrlRequests;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the parsers at the pipeline's boundaries, checked over many generated inputs (seeded, so a
 * failure names the input and repeats): each parser either returns a sound value or fails with its one
 * documented error (400 for query parameters, IllegalArgumentException for URL requests,
 * SerializationException for record bytes); nothing else escapes.
 * <p>
 * Plain JUnit with a seeded generator rather than jqwik: jqwik 1.10's "Anti-AI Usage Clause" asks that it not be
 * used by AI coding agents, which write part of this project.
 */
class BoundaryParsersPropertiesTest {
    private static final int TRIES = 500;
    private static final long SEED = 20261129L;
    private static final Set<String> LIST_PARAMS = Set.of("subject", "indicator", "text", "limit", "cursor",
            "requireComplete", "partitions", "standby");
    private static final String[] ODD = {"%", "%zz", "%00", "%E2%82", "%C0%AF", "\u0000", "\uD800", "\u202E", "&", "=", "==",
            "..", "/", "\\", "\"", "{", "}", "[", "]", "#", " ", "\t", "\n", "\r\n", "true", "-1", "0", "1001",
            "99999999999", "1,2,x", ",", "1e3", "0x10", "https://", "file:", "javascript:", "ftp:", "::1", "[::1]",
            "example.org", "user:pw@", ":99999", "é", "💩", "null", "NaN"};

    @Test
    void queryStringsEitherParseOrAreABadRequest() {
        forAll(r -> {
            List<String> pairs = new ArrayList<>();
            for (int i = r.nextInt(5); i > 0; i--) {
                String name = r.nextBoolean() ? pick(r, LIST_PARAMS.stream().sorted().toList()) : text(r, 6);
                pairs.add(r.nextInt(8) == 0 ? name : name + "=" + text(r, 12));
            }
            return r.nextInt(6) == 0 ? text(r, 40) : String.join("&", pairs);
        }, raw -> {
            try {
                Params p = Params.parse(raw, LIST_PARAMS);
                int limit = p.intValue("limit", 50, 1, 1000);
                assertTrue(limit >= 1 && limit <= 1000);
                p.bool("requireComplete");
                Set<Integer> partitions = p.partitions("partitions");
                assertTrue(partitions == null || partitions.stream().allMatch(n -> n >= 0));
            } catch (ApiException e) {
                assertEquals(400, e.status(), e.getMessage());
            }
        });
    }

    @Test
    void periodsRoundTripAndTheLenientParserNeverThrows() {
        forAll(r -> switch (r.nextInt(4)) {
            case 0 -> (1000 + r.nextInt(9000)) + "-" + pick(r, List.of("H", "Q", "")) + r.nextInt(15);
            case 1 -> String.format(Locale.ROOT, "%04d-%02d-%02d", r.nextInt(10000), r.nextInt(14), r.nextInt(33));
            case 2 -> String.valueOf(r.nextInt(20000) - 5);
            default -> text(r, 12);
        }, text -> {
            Period p = Period.parseOrNull(text);
            if (p != null) {
                assertEquals(p, Period.parse(p.text()), text);
                assertTrue(!p.start().isAfter(p.end()), text);
            }
        });
    }

    @Test
    void everyRealMonthIsAPeriodOfItsDays() {
        forAll(r -> String.format(Locale.ROOT, "%04d-%02d", 1 + r.nextInt(9999), 1 + r.nextInt(12)), text -> {
            Period p = Period.parse(text);
            assertEquals(1, p.start().getDayOfMonth(), text);
            assertEquals(p.start().lengthOfMonth(), p.end().getDayOfMonth(), text);
        });
    }

    @Test
    void urlRecordValuesAreAnHttpRequestOrAnIllegalArgument() {
        forAll(BoundaryParsersPropertiesTest::urlish, value -> {
            try {
                UrlRequest request = UrlRequests.check(UrlRequests.parseValue(value), false);
                assertHttp(request.url());
            } catch (IllegalArgumentException e) {
                assertNotNull(e.getMessage(), value);
            }
        });
    }

    @Test
    void urlBodiesOnlyAcceptHttpUrls() {
        forAll(r -> {
            List<String> urls = new ArrayList<>();
            for (int i = r.nextInt(5); i > 0; i--) {
                urls.add(urlish(r));
            }
            return switch (r.nextInt(3)) {
                case 0 -> String.join("\n", urls);
                case 1 -> "[" + String.join(",", urls.stream().map(u -> "\"" + u.replace("\"", "").replace("\\", "") + "\"").toList()) + "]";
                default -> text(r, 80);
            };
        }, body -> {
            try {
                for (UrlRequests.Entry e : UrlRequests.parseBody(body, false)) {
                    if (e.accepted()) {
                        assertHttp(e.request().url());
                    } else {
                        assertNotNull(e.reason(), body);
                    }
                }
            } catch (IllegalArgumentException e) {
                assertNotNull(e.getMessage()); // a malformed JSON array: the handler answers 400
            }
        });
    }

    @Test
    void recordBytesAreAValueOrASerializationError() {
        List<String> shapes = List.of("{}", "[]", "null", "{\"url\": null}", "{\"url\": \"u\", \"authors\": 5}",
                "{\"schemaVersion\": \"one\"}", "{\"url\": \"u\", \"text\": {\"a\": 1}}", "\"just a string\"",
                "{\"key\": \"k\", \"indicator\": \"i\", \"unit\": \"u\", \"source\": {}}", "{\"qualifier\": \"sort of\"}",
                "{\"change\": \"sideways\", \"key\": \"k\"}");
        forAll(r -> {
            if (r.nextBoolean()) {
                byte[] b = new byte[r.nextInt(200)];
                r.nextBytes(b);
                return b;
            }
            String s = pick(r, shapes);
            int cut = r.nextInt(s.length() + 1);
            return (r.nextBoolean() ? s : s.substring(0, cut)).getBytes(StandardCharsets.UTF_8);
        }, bytes -> {
            for (Class<?> type : List.of(Article.class, MetricEvent.class, UrlRequest.class)) {
                try {
                    JsonSerde.of(type).deserialize("any-topic", bytes);
                } catch (SerializationException e) {
                    assertTrue(e.getMessage().contains("any-topic"), e.getMessage());
                }
            }
        });
    }

    private static void assertHttp(String url) {
        String scheme = URI.create(url).getScheme().toLowerCase(Locale.ROOT);
        assertTrue(scheme.equals("http") || scheme.equals("https"), url);
    }

    private static String urlish(Random r) {
        String tail = text(r, 20);
        return switch (r.nextInt(7)) {
            case 0 -> "https://example.org/" + tail;
            case 1 -> "http://" + tail;
            case 2 -> "{\"url\": \"" + tail + "\"}";
            case 3 -> "{\"url\": \"https://example.org/" + tail + "\", \"force\": " + tail + "}";
            case 4 -> pick(r, List.of("file:///etc/passwd", "javascript:alert(1)", "ftp://x/y", "\"https://a.b/\"", "{}",
                    "[]", "http://[::1]/", "https://user:pw@example.org/", "https://example.org:99999/", "HTTPS://EXAMPLE.ORG"));
            case 5 -> pick(r, List.of("http", "https", "file", "data", "mailto")) + ":" + tail;
            default -> text(r, 60);
        };
    }

    /** Random text mixing plain characters with the odd pieces parsers trip on. */
    private static String text(Random r, int maxPieces) {
        StringBuilder sb = new StringBuilder();
        for (int i = r.nextInt(maxPieces + 1); i > 0; i--) {
            int kind = r.nextInt(4);
            if (kind == 0) {
                sb.append(ODD[r.nextInt(ODD.length)]);
            } else if (kind == 1) {
                sb.appendCodePoint(r.nextInt(0x3000));
            } else {
                sb.append((char) ('a' + r.nextInt(26)));
            }
        }
        return sb.toString();
    }

    private static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    /** Checks the property on {@link #TRIES} generated inputs; a failure names the try and the input. */
    private static <T> void forAll(Function<Random, T> generator, Consumer<T> property) {
        Random r = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            T input = generator.apply(r);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                String shown = input instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : String.valueOf(input);
                throw new AssertionError("property fails on try " + i + " (seed " + SEED + ") for input '" + shown + "': " + e, e);
            }
        }
    }
}
