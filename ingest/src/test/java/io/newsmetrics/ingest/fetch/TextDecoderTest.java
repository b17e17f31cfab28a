package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextDecoderTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void prefersBomThenHeaderThenMetaThenUtf8() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>"
                + "<body>prix 5 €</body></html>";
        assertTrue(TextDecoder.decode(html.getBytes(CP1252), "text/html").contains("5 €"));
        assertTrue(TextDecoder.decode("naïve".getBytes(CP1252), "text/plain; charset=\"windows-1252\"").contains("naïve"));
        assertEquals("naïve", TextDecoder.decode("naïve".getBytes(StandardCharsets.UTF_8), null));
        byte[] le = "\uFEFFhi".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("hi", TextDecoder.decode(le, "text/html; charset=utf-8"));
    }

    @Test
    void readsXmlDeclarationAndTreatsLatin1AsWindows1252() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body>“quoted”</body></html>".getBytes(CP1252);
        assertTrue(TextDecoder.decode(xml, "application/xhtml+xml").contains("“quoted”"));
    }

    @Test
    void replacesMalformedBytesAndIgnoresUnknownCharsets() {
        byte[] bad = {'a', (byte) 0xC3, '(', 'b'};
        assertEquals("a\uFFFD(b", TextDecoder.decode(bad, "text/html; charset=utf-8"));
        assertEquals("ok", TextDecoder.decode("ok".getBytes(StandardCharsets.US_ASCII), "text/html; charset=x-no-such"));
    }
}
