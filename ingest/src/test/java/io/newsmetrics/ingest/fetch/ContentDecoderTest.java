package io.newsmetrics.ingest.fetch;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContentDecoderTest {
    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void undoesStackedEncodingsInReverseOrder() throws Exception {
        byte[] text = "hello".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(text, ContentDecoder.decode(gzip(gzip(text)), "gzip, gzip", 100, "u"));
        assertArrayEquals(text, ContentDecoder.decode(text, "identity", 100, "u"));
        assertArrayEquals(text, ContentDecoder.decode(text, null, 100, "u"));
    }

    @Test
    void failsCorruptUnknownAndOversizedBodies() throws Exception {
        assertEquals(FailureReason.DECODING_FAILED, assertThrows(FetchException.class,
                () -> ContentDecoder.decode(new byte[]{1, 2, 3}, "gzip", 100, "u")).reason());
        assertEquals(FailureReason.DECODING_FAILED, assertThrows(FetchException.class,
                () -> ContentDecoder.decode(new byte[]{1}, "compress", 100, "u")).reason());
        assertEquals(FailureReason.DECODING_FAILED, assertThrows(FetchException.class,
                () -> ContentDecoder.decode(new byte[]{1}, "gzip, gzip, gzip", 100, "u")).reason());
        byte[] big = gzip(new byte[10_000]);
        assertEquals(FailureReason.TOO_LARGE, assertThrows(FetchException.class,
                () -> ContentDecoder.decode(big, "gzip", 1000, "u")).reason());
    }
}
