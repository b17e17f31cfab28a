package io.newsmetrics.ingest.parse;

import io.newsmetrics.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ArticleFilesTest {

    @Test
    void refusesBinaryFilesAndReadsStrayBytesLeniently(@TempDir Path dir) throws IOException {
        Path binary = dir.resolve("photo.jpg");
        byte[] bytes = new byte[4096];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(binary, bytes);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFiles.read(binary, ArticleParser.create()));
        assertTrue(e.getMessage().contains("photo.jpg"), e.getMessage());

        Path html = dir.resolve("latin1.html");
        Files.write(html, "<html><body><article><p>Caf\u00e9 sales rose 5 percent in 2024, the company said on Monday.</p></article></body></html>"
                .replace("\u00e9", "\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(ArticleFiles.read(html, ArticleParser.create()).text().contains("sales rose 5 percent"),
                "one stray byte does not fail the file");
    }
    private final ArticleParser parser = ArticleParser.create();

    @Test
    void readsThePlainTextForm(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "date 2025-07-25 https://example.com/a\n\nThe title\nFirst line.\n\nSecond paragraph.\n");
        Article a = ArticleFiles.read(f, parser);
        assertEquals("https://example.com/a", a.url());
        assertEquals("2025-07-25", a.publishedAt());
        assertEquals("The title", a.title());
        assertEquals("First line.\n\nSecond paragraph.", a.text());
    }

    @Test
    void readsHtmlFilesWithTheParser(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("page.html");
        Files.writeString(f, Fixtures.html("news-article.html"));
        Article a = ArticleFiles.read(f, parser);
        assertEquals(f.toUri().toString(), a.url());
        assertTrue(a.text().startsWith("The harbour city opened"), a.text());
    }

    @Test
    void rejectsAMalformedHeader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArticleFiles.parseText("date yesterday https://x\nTitle\nBody", "file:/x"));
        assertTrue(e.getMessage().contains("date yesterday"));
    }

    @Test
    void extractsTheSeedPageLikeItsPlainText() throws IOException {
        Path seed = Fixtures.shared().map(s -> s.resolve("corpus/seed")).orElse(null);
        assumeTrue(seed != null && Files.isDirectory(seed), "needs -Dnewsmetrics.shared=<shared folder>");
        Article txt = ArticleFiles.read(seed.resolve("china-ai-industry-2024.txt"), parser);
        Article html = ArticleFiles.read(seed.resolve("china-ai-industry-2024.html"), parser);
        Set<String> want = words(txt.text());
        Set<String> got = words(html.text());
        Set<String> missing = new HashSet<>(want);
        missing.removeAll(got);
        Set<String> extra = new HashSet<>(got);
        extra.removeAll(want);
        assertTrue(missing.size() <= want.size() / 20, () -> "missing " + missing);
        assertTrue(extra.size() <= want.size() / 20, () -> "extra " + extra);
        assertFalse(html.text().isBlank());
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
