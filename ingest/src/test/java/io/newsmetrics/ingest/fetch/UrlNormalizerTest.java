package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UrlNormalizerTest {
    @Test
    void normalizesSchemeHostPortPathAndFragment() throws Exception {
        assertEquals("http://example.org/", UrlNormalizer.parse("HTTP://Example.ORG:80").toString());
        assertEquals("https://example.org/a?b=1", UrlNormalizer.parse(" https://example.org:443/a?b=1#top ").toString());
        assertEquals("https://example.org:8443/a%20b", UrlNormalizer.parse("https://example.org:8443/a%20b").toString());
        assertEquals("file:/tmp/a.html", UrlNormalizer.parse("file:/tmp/a.html").toString());
    }

    @Test
    void isLenientLikeBrowsers() throws Exception {
        assertEquals("https://example.org/a%20b?q=x%7Cy", UrlNormalizer.parse("https://example.org/a b?q=x|y").toString());
        assertEquals("http://xn--bcher-kva.example/", UrlNormalizer.parse("http://bücher.example").toString());
        assertEquals("http://xn--bcher-kva.example:8080/x", UrlNormalizer.parse("http://BÜCHER.example:8080/x").toString());
    }

    @Test
    void rejectsWhatCannotBeFetched() {
        for (String bad : List.of("", "   ", "example.org/page", "ftp://example.org/", "mailto:a@b.c",
                "http:///path", "https://user:pw@example.org/", "http://exa mple.org/", "http://[::1/", "file://remote-host/etc/passwd",
                "http://example.org/" + "a".repeat(UrlNormalizer.MAX_URL_LENGTH))) {
            FetchException e = assertThrows(FetchException.class, () -> UrlNormalizer.parse(bad), bad);
            assertEquals(FailureReason.INVALID_URL, e.reason());
        }
    }
}
