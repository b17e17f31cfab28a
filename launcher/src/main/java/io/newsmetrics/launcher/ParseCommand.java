package io.newsmetrics.launcher;

import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.ingest.parse.ParseEval;
import io.newsmetrics.model.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
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
                out.println(Json.write(ParseEval.line(file.toString(), ArticleFiles.read(file, parser))));
            } catch (Exception e) {
                System.err.println("newsmetrics parse: cannot read " + file + ": " + e.getMessage());
                failed++;
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
