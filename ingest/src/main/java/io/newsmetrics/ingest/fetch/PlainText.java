package io.newsmetrics.ingest.fetch;

import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.model.Article;

import java.util.List;
import java.util.Locale;

/** Articles from {@code text/plain} pages: the seed's {@code date YYYY-MM-DD URL} form, else title line + body. */
final class PlainText {
    private static final int MAX_TITLE_CHARS = 300;

    private PlainText() {
    }

    static Article toArticle(String text, String url) {
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).startsWith("date ")) {
            return ArticleFiles.parseText(t, url);
        }
        List<String> lines = t.lines().toList();
        if (lines.size() > 1 && lines.get(0).strip().length() <= MAX_TITLE_CHARS) {
            String body = String.join("\n", lines.subList(1, lines.size())).strip();
            return new Article(url, url, lines.get(0).strip(), null, null, List.of(), null, null, null, body);
        }
        return new Article(url, url, null, null, null, List.of(), null, null, null, t);
    }
}
