package io.newsmetrics.launcher.faults;

import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.rest.ApiException;
import io.newsmetrics.aggregator.rest.Params;
import io.newsmetrics.ingest.UrlRequests;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.UrlRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.errors.SerializationException;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the parsers at the pipeline's boundaries, over arbitrary input: each either returns a valid
 * value or fails with its one documented error (400 for query parameters, IllegalArgumentException for URL
 * requests, SerializationException for record bytes); nothing else escapes, and what is accepted is sound.
 */
class BoundaryParsersPropertiesTest {
    private static final Set<String> LIST_PARAMS = Set.of("subject", "indicator", "text", "limit", "cursor",
            "requireComplete", "partitions", "standby");

    @Property(tries = 400)
    void queryStringsEitherParseOrAreABadRequest(@ForAll("queries") String raw) {
        try {
            Params p = Params.parse(raw, LIST_PARAMS);
            int limit = p.intValue("limit", 50, 1, 1000);
            assertTrue(limit >= 1 && limit <= 1000);
            p.bool("requireComplete");
            p.partitions("partitions");
        } catch (ApiException e) {
            assertEquals(400, e.status(), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(LIST_PARAMS.stream().sorted().toList()),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.integers().map(String::valueOf), Arbitraries.of("%", "%zz", "%00", "%E2%82", "true", "1,2,x", ""));
        Arbitrary<String> pair = names.flatMap(n -> values.map(v -> n + "=" + v));
        return Arbitraries.oneOf(pair.list().ofMaxSize(4).map(l -> String.join("&", l)), Arbitraries.strings().ofMaxLength(40));
    }

    @Property(tries = 300)
    void periodsRoundTripAndNeverThrowWhenLenient(@ForAll String text) {
        Period p = Period.parseOrNull(text);
        if (p != null) {
            assertEquals(p, Period.parse(p.text()));
            assertTrue(!p.start().isAfter(p.end()), p.text());
        }
    }

    @Property(tries = 200)
    void everyRealMonthIsAPeriodOfItsDays(@ForAll @IntRange(min = 1, max = 9999) int year,
                                          @ForAll @IntRange(min = 1, max = 12) int month) {
        Period p = Period.parse(String.format(Locale.ROOT, "%04d-%02d", year, month));
        assertEquals(1, p.start().getDayOfMonth());
        assertEquals(p.start().lengthOfMonth(), p.end().getDayOfMonth());
    }

    @Property(tries = 400)
    void urlRecordValuesAreARequestOrAnIllegalArgument(@ForAll("urlish") String value) {
        try {
            UrlRequest r = UrlRequests.check(UrlRequests.parseValue(value), false);
            assertNotNull(r.url());
            String scheme = URI.create(r.url()).getScheme().toLowerCase(Locale.ROOT);
            assertTrue(scheme.equals("http") || scheme.equals("https"), r.url());
        } catch (IllegalArgumentException e) {
            assertNotNull(e.getMessage());
        }
    }

    @Property(tries = 300)
    void urlBodiesOnlyAcceptHttpUrls(@ForAll("bodies") String body) {
        List<UrlRequests.Entry> entries;
        try {
            entries = UrlRequests.parseBody(body, false);
        } catch (IllegalArgumentException e) {
            return; // a malformed JSON array: the handler answers 400
        }
        for (UrlRequests.Entry e : entries) {
            if (e.accepted()) {
                String scheme = URI.create(e.request().url()).getScheme().toLowerCase(Locale.ROOT);
                assertTrue(scheme.equals("http") || scheme.equals("https"), e.request().url());
            } else {
                assertNotNull(e.reason());
            }
        }
    }

    @Provide
    Arbitrary<String> urlish() {
        Arbitrary<String> tail = Arbitraries.strings().ofMaxLength(20);
        return Arbitraries.oneOf(
                tail.map(t -> "https://example.org/" + t),
                tail.map(t -> "http://" + t),
                tail.map(t -> "{\"url\": \"" + t + "\"}"),
                tail.map(t -> "{\"url\": \"https://example.org/" + t + "\", \"force\": " + t + "}"),
                Arbitraries.of("file:///etc/passwd", "javascript:alert(1)", "ftp://x/y", "\"https://a.b/\"", "{}", "[]",
                        "http://[::1]/", "https://user:pw@example.org/", "https://example.org:99999/"),
                Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(urlish().list().ofMaxSize(5).map(l -> String.join("\n", l)),
                urlish().list().ofMaxSize(5).map(l -> "[" + String.join(",", l.stream().map(s -> "\"" + s.replace("\"", "") + "\"").toList()) + "]"),
                Arbitraries.strings().ofMaxLength(80));
    }

    @Property(tries = 300)
    void recordBytesAreAValueOrASerializationError(@ForAll("recordBytes") byte[] bytes) {
        for (Class<?> type : List.of(Article.class, MetricEvent.class, UrlRequest.class)) {
            try {
                JsonSerde.of(type).deserialize("any-topic", bytes);
            } catch (SerializationException e) {
                assertTrue(e.getMessage().contains("any-topic"), e.getMessage());
            }
        }
    }

    @Provide
    Arbitrary<byte[]> recordBytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.of("{}", "[]", "null", "{\"url\": null}", "{\"url\": \"u\", \"authors\": 5}",
                                "{\"schemaVersion\": \"one\"}", "{\"url\": \"u\", \"text\": {\"a\": 1}}", "\"just a string\"",
                                "{\"key\": \"k\", \"indicator\": \"i\", \"unit\": \"u\", \"source\": {}}")
                        .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
