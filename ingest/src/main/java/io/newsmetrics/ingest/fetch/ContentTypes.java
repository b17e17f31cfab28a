package io.newsmetrics.ingest.fetch;

import java.util.Locale;
import java.util.Set;

/** The media types the crawler takes: HTML, XHTML and plain text. */
final class ContentTypes {
    static final Set<String> ACCEPTED = Set.of("text/html", "application/xhtml+xml", "text/plain");
    static final String ACCEPT_HEADER = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8";

    private ContentTypes() {
    }

    /** The media type without parameters, lower case; null when the header is absent or blank. */
    static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter, or null. */
    static String charsetParameter(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).strip();
                if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    /** Whether a response's Content-Type is one we fetch; a missing type is decided later by sniffing. */
    static boolean accepted(String contentType) {
        String media = mediaType(contentType);
        return media == null || ACCEPTED.contains(media);
    }

    static boolean isPlainText(String contentType) {
        return "text/plain".equals(mediaType(contentType));
    }

    /** For a body without Content-Type: does it look like markup? */
    static boolean looksLikeHtml(String text) {
        String head = text.stripLeading();
        head = head.substring(0, Math.min(head.length(), 512)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                || head.startsWith("<head") || head.startsWith("<!--") || head.contains("<body");
    }
}
