package io.newsmetrics.ingest;

import io.newsmetrics.model.UrlRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlRequestsTest {
    @Test
    void readsPlainAndJsonRecordValues() {
        assertEquals(UrlRequest.of("https://a.example/x"), UrlRequests.parseValue(" https://a.example/x\n"));
        assertEquals(new UrlRequest("https://a.example/x", true),
                UrlRequests.parseValue("{\"url\": \"https://a.example/x\", \"force\": true}"));
        assertEquals(UrlRequest.of("https://a.example/x"), UrlRequests.parseValue("{\"url\": \"https://a.example/x\"}"));
        assertEquals(UrlRequest.of("https://a.example/x"), UrlRequests.parseValue("\"https://a.example/x\""));
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseValue("{\"url\": 3}"));
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseValue("{\"url\": \"x\", \"force\": \"yes\"}"));
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseValue("{broken"));
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseValue("https://a/\nhttps://b/"));
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseValue(""));
    }

    @Test
    void readsBodiesLineByLineWithAReasonPerRejectedLine() {
        List<UrlRequests.Entry> e = UrlRequests.parseBody("https://a.example/1\n\n# note\nftp://x/\n{\"url\":\"https://b.example\",\"force\":true}\n", false);
        assertEquals(3, e.size());
        assertTrue(e.get(0).accepted());
        assertFalse(e.get(1).accepted());
        assertEquals(4, e.get(1).line());
        assertTrue(e.get(1).detail().contains("ftp"));
        assertEquals(new UrlRequest("https://b.example/", true), e.get(2).request());
    }

    @Test
    void readsJsonArraysAndRefusesFileUrlsWhenNotAllowed() {
        List<UrlRequests.Entry> e = UrlRequests.parseBody("[\"https://a.example/1\", {\"url\": \"file:///etc/passwd\"}, 5]", false);
        assertTrue(e.get(0).accepted());
        assertFalse(e.get(1).accepted());
        assertFalse(e.get(2).accepted());
        assertTrue(UrlRequests.parseBody("[\"file:///tmp/a.html\"]", true).get(0).accepted());
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.parseBody("[\"unclosed", false));
    }

    @Test
    void turnsCliPathsIntoFileUrls(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("a b.html"), "<p>x</p>");
        UrlRequest r = UrlRequests.fromArgument(f.toString(), false);
        assertTrue(r.url().startsWith("file:/") && r.url().endsWith("a%20b.html"), r.url());
        assertEquals("https://example.org/", UrlRequests.fromArgument("https://Example.org", true).url());
        assertThrows(IllegalArgumentException.class, () -> UrlRequests.fromArgument(dir.resolve("missing").toString(), false));
    }
}
