package io.newsmetrics.ingest.parse;

import io.newsmetrics.model.Article;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads articles from local files: HTML pages, and the plain-text form whose first line is
 * {@code date YYYY-MM-DD URL}, then the title, then the body.
 */
public final class ArticleFiles {
    private static final Pattern HEADER = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+(\\S+)\\s*$");

    private ArticleFiles() {
    }

    /**
     * Reads one file: plain text when it starts with a {@code date} header, else HTML.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when a text file's header is malformed
     */
    public static Article read(Path file, ArticleParser parser) throws IOException {
        Objects.requireNonNull(file, "file");
        // lenient UTF-8: a stray byte becomes U+FFFD rather than failing the whole file
        String content = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        if (looksBinary(content)) {
            throw new IllegalArgumentException("not a text or HTML file: " + file);
        }
        String head = content.stripLeading();
        if (head.toLowerCase(Locale.ROOT).startsWith("date ")) {
            return parseText(content, file.toUri().toString());
        }
        return parser.parse(content, file.toUri().toString());
    }

    /**
     * Parses the plain-text form. The URL of the header becomes the article's URL.
     *
     * @param fallbackUrl used when the header gives no URL
     */
    public static Article parseText(String content, String fallbackUrl) {
        List<String> lines = content.strip().lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("empty article text");
        }
        Matcher m = HEADER.matcher(lines.get(0));
        if (!m.matches()) {
            throw new IllegalArgumentException("first line must be 'date YYYY-MM-DD URL', was: " + lines.get(0));
        }
        int i = 1;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        String title = i < lines.size() ? lines.get(i).strip() : null;
        String body = i + 1 < lines.size() ? String.join("\n", lines.subList(i + 1, lines.size())).strip() : "";
        String url = m.group(2);
        return new Article(url, url, title, m.group(1), null, List.of(), "en", null, null, body);
    }

    /** More than 2 % of the first 8 KiB is undecodable or control characters: an image, an archive, ... */
    static boolean looksBinary(String content) {
        int n = Math.min(content.length(), 8192);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = content.charAt(i);
            if (c == '\uFFFD' || c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                bad++;
            }
        }
        return n > 0 && bad * 50 > n;
    }
}
