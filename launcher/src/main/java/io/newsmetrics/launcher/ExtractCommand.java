package io.newsmetrics.launcher;

import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code newsmetrics extract FILE...}: offline, no Kafka: the metric events the extractor topology would emit
 * for each article file, as JSON lines on stdout.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Offline: parse article files (HTML or plain-text form) and print their metric events as JSON lines.")
final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Override
    public Integer call() {
        ArticleParser parser = ArticleParser.create();
        MetricExtractor extractor = MetricExtractor.create();
        PrintStream out = Output.utf8Stdout();
        int failed = 0;
        for (Path file : files) {
            try {
                Article article = ArticleFiles.read(file, parser);
                if (article.text().isBlank()) {
                    System.err.println("newsmetrics extract: no article text found in " + file + " (not a news page?)");
                }
                for (MetricEvent event : extractor.extract(article)) {
                    out.println(Json.write(event));
                }
            } catch (Exception e) {
                System.err.println("newsmetrics extract: cannot read " + file + ": " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
