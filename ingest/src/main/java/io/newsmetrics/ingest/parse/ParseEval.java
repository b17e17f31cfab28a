package io.newsmetrics.ingest.parse;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the parser over a directory of saved pages and writes the predictions the project's
 * scorers read ({@code score_aeb.py}, {@code score_dates.py}): one JSON line per page with
 * {@code source}, {@code url}, {@code canonicalUrl}, {@code title}, {@code publishedAt},
 * {@code author}, {@code language} and {@code text}. Prints pages per second of parsing alone, by
 * the thread's CPU time (per core, robust to a busy machine) and by wall time; {@code --repeat N}
 * parses the set N times so that the JIT has warmed up (the first round counts too).
 *
 * <p>usage: {@code ParseEval HTML_DIR [URL_MAP.json] [OUT.jsonl] [--repeat N]}. The URL map is
 * either {@code id -> {url}} (article-extraction ground truth, id = file stem) or
 * {@code url -> {file}} (publication-dates gold); pages not in it get a file URI.
 */
public final class ParseEval {
    private static final String USAGE = "usage: ParseEval HTML_DIR [URL_MAP.json] [OUT.jsonl] [--repeat N]";

    private ParseEval() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException(USAGE);
        }
        List<String> pos = new ArrayList<>();
        int repeat = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--repeat") && i + 1 < args.length) {
                repeat = Integer.parseInt(args[++i]);
            } else {
                pos.add(args[i]);
            }
        }
        Path dir = Path.of(pos.get(0));
        Map<String, String> urls = pos.size() > 1 && !pos.get(1).isEmpty() ? urlMap(Path.of(pos.get(1))) : Map.of();
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
        }
        Path out = pos.size() > 2 ? Path.of(pos.get(2)) : null;
        Result r = run(dir, urls, repeat);
        if (out == null) {
            writeLines(r.lines, System.out);
        } else {
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                for (String line : r.lines) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
        System.err.printf("pages %d  failed %d  rounds %d  wall %.1f ms  cpu %.1f ms  %.0f pages/s per core (cpu time,"
                        + " all rounds)  %.0f pages/s per core (cpu time, last round)  %.0f pages/s (wall)%n",
                r.pages, r.failed, repeat, r.nanos / 1e6, r.cpuNanos / 1e6, r.pages * repeat / (r.cpuNanos / 1e9),
                r.pages / (r.lastRoundCpuNanos / 1e9), r.pages * repeat / (r.nanos / 1e9));
    }

    /**
     * The outcome of a run.
     *
     * @param lines    one JSON line per parsed page (see {@link #line})
     * @param pages    pages found
     * @param failed   pages that could not be parsed (reported on standard error)
     * @param nanos    wall time spent parsing, all rounds
     * @param cpuNanos CPU time of the parsing thread, all rounds
     * @param lastRoundCpuNanos CPU time of the last round, when the JIT has warmed up
     */
    public record Result(List<String> lines, int pages, int failed, long nanos, long cpuNanos,
                         long lastRoundCpuNanos) {
    }

    /**
     * Parses every {@code .html}/{@code .htm} file of a directory, in name order.
     *
     * @param urls   file name or file stem to page URL; others get their file URI
     * @param repeat how many times to parse the set (lines are written for the first round only)
     */
    public static Result run(Path dir, Map<String, String> urls, int repeat) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().matches("(?i).*\\.html?")).sorted().toList();
        }
        List<String> htmls = new ArrayList<>();
        for (Path f : files) {
            htmls.add(Files.readString(f, StandardCharsets.UTF_8));
        }
        ArticleParser parser = ArticleParser.create();
        List<String> lines = new ArrayList<>();
        int failed = 0;
        long nanos = 0;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long lastRound = 0;
        for (int round = 0; round < repeat; round++) {
            long roundStart = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < files.size(); i++) {
                Path f = files.get(i);
                String name = f.getFileName().toString();
                String stem = name.replaceFirst("\\.[^.]+$", "");
                String url = urls.getOrDefault(name, urls.getOrDefault(stem, f.toUri().toString()));
                long t0 = System.nanoTime();
                Article a;
                try {
                    a = parser.parse(htmls.get(i), url);
                } catch (RuntimeException e) {
                    nanos += System.nanoTime() - t0;
                    if (round == 0) {
                        failed++;
                        System.err.println("failed " + f + ": " + e);
                    }
                    continue;
                }
                nanos += System.nanoTime() - t0;
                if (round == 0) {
                    lines.add(Json.write(line(f.toString(), a)));
                }
            }
            lastRound = threads.getCurrentThreadCpuTime() - roundStart;
        }
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        return new Result(lines, files.size(), failed, nanos, cpu, lastRound);
    }

    /** The JSON line of one parsed page, as the {@code parse} command prints it. */
    public static Map<String, Object> line(String source, Article a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("url", a.url());
        m.put("canonicalUrl", a.canonicalUrl());
        m.put("title", a.title());
        m.put("publishedAt", a.publishedAt());
        m.put("author", a.authors().isEmpty() ? null : String.join(", ", a.authors()));
        m.put("language", a.language());
        m.put("text", a.text());
        return m;
    }

    /**
     * Reads a URL map: {@code id -> {url}} (article-extraction ground truth, id = file stem) or
     * {@code url -> {file}} (publication-dates gold).
     */
    public static Map<String, String> urlMap(Path json) throws IOException {
        JsonNode root = Json.mapper().readTree(json.toFile());
        Map<String, String> out = new HashMap<>();
        if (!root.isObject()) {
            throw new IOException("URL map " + json + " is not a JSON object");
        }
        root.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.has("file")) {
                out.put(v.get("file").asText(), e.getKey());
            } else if (v.has("url")) {
                out.put(e.getKey(), v.get("url").asText());
            }
        });
        return out;
    }

    private static void writeLines(List<String> lines, PrintStream out) {
        for (String l : lines) {
            out.println(l);
        }
        if (out.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write to standard output"));
        }
    }
}
