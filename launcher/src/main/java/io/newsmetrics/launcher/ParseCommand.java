package io.newsmetrics.launcher;

import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsmetrics parse FILE...}: offline: each article file as one JSON line. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Offline: print each article file as a JSON line (source, url, canonicalUrl, title, publishedAt, author, language, text).")
final class ParseCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        ArticleParser parser = ArticleParser.create();
        PrintStream out = Output.utf8Stdout();
        int failed = 0;
        for (Path file : files) {
            try {
                out.println(Json.write(line(file.toString(), ArticleFiles.read(file, parser))));
            } catch (Exception e) {
                System.err.println("newsmetrics parse: cannot read " + file + ": " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static Map<String, Object> line(String source, Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("url", a.url());
        m.put("canonicalUrl", a.canonicalUrl());
        m.put("title", a.title());
        m.put("publishedAt", a.publishedAt());
        m.put("modifiedAt", a.modifiedAt());
        m.put("author", a.authors().isEmpty() ? null : String.join(", ", a.authors()));
        m.put("language", a.language());
        m.put("siteName", a.siteName());
        m.put("description", a.description());
        m.put("text", a.text());
        return m;
    }
}
