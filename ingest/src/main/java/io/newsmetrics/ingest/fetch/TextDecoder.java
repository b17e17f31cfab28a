package io.newsmetrics.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns body bytes into text. The charset comes from, in order: a byte-order mark, the Content-Type header,
 * a {@code <meta charset>} / {@code http-equiv} declaration or XML declaration in the first bytes, else UTF-8.
 * Malformed bytes become U+FFFD rather than failing.
 */
final class TextDecoder {
    /** How far into the body a meta declaration is looked for (HTML spec: 1024 bytes; we are a bit lenient). */
    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([a-zA-Z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "^<\\?xml[^>]+encoding\\s*=\\s*[\"']([a-zA-Z0-9_.\\-]+)[\"']", Pattern.CASE_INSENSITIVE);

    private TextDecoder() {
    }

    static String decode(byte[] body, String contentType) {
        Charset charset;
        int skip = 0;
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(body, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(body, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else {
            charset = lookup(ContentTypes.charsetParameter(contentType));
            if (charset == null) {
                charset = sniff(body);
            }
            if (charset == null) {
                charset = StandardCharsets.UTF_8;
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body, skip, body.length - skip))
                    .toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder does not throw", e);
        }
    }

    /** The charset a page declares in its first bytes, or null. */
    static Charset sniff(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher xml = XML_ENCODING.matcher(head);
        if (xml.find()) {
            Charset c = lookup(xml.group(1));
            if (c != null) {
                return c;
            }
        }
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset c = lookup(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    /** A charset by name; UTF-16 declared inside an ASCII-compatible page means UTF-8 (HTML spec). */
    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("utf-16")) {
            return StandardCharsets.UTF_8;
        }
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252"; // what browsers do: the superset
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
