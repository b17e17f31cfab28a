package io.newsmetrics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Realistic articles made from the development corpus: the article bodies of the article-extraction set
 * ({@code eval/article-extraction/ground-truth.json}) and the seed article ({@code corpus/seed/*.txt}).
 * Article {@code i} joins bodies until its text is at least {@link #MIN_TEXT_BYTES}, and gets its own URL and
 * publication date, so record keys, event ids and publication order differ from one article to the next.
 */
public final class Corpus {
    /** Texts shorter than this are topped up with the next body: the pipeline's articles are 5-10 KB of JSON. */
    public static final int MIN_TEXT_BYTES = 4_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);

    private final List<String> bodies;
    private final List<String> titles;

    private Corpus(List<String> bodies, List<String> titles) {
        this.bodies = bodies;
        this.titles = titles;
    }

    /**
     * Loads the corpus from the shared data directory.
     *
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static Corpus load(Path shared) {
        Objects.requireNonNull(shared, "shared");
        List<String> bodies = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        Path truth = shared.resolve("eval/article-extraction/ground-truth.json");
        try {
            JsonNode root = Json.mapper().readTree(Files.readString(truth));
            root.fields().forEachRemaining(e -> {
                String body = e.getValue().path("articleBody").asText("").strip();
                if (!body.isEmpty()) {
                    bodies.add(body);
                    titles.add(body.lines().findFirst().orElse("").strip());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus file " + truth
                    + " (give the shared data directory with --shared)", e);
        }
        Path seedDir = shared.resolve("corpus/seed");
        try (var files = Files.list(seedDir)) {
            for (Path txt : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = Files.readAllLines(txt);
                // first line "date YYYY-MM-DD URL", then the title, then the body
                titles.add(lines.size() > 1 ? lines.get(1).strip() : "");
                bodies.add(String.join("\n", lines.subList(Math.min(2, lines.size()), lines.size())).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seed articles in " + seedDir, e);
        }
        if (bodies.isEmpty()) {
            throw new IllegalStateException("no article bodies in " + shared);
        }
        return new Corpus(List.copyOf(bodies), List.copyOf(titles));
    }

    /** How many distinct bodies the corpus holds. */
    public int size() {
        return bodies.size();
    }

    /** Article number {@code i}: its own URL and date, a text of at least {@link #MIN_TEXT_BYTES} bytes. */
    public Article article(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("article number must be >= 0, was " + i);
        }
        int first = Math.floorMod(i * 7919, bodies.size()); // a stride so neighbours differ
        StringBuilder text = new StringBuilder(bodies.get(first));
        for (int k = 1; text.length() < MIN_TEXT_BYTES && k < bodies.size(); k++) {
            text.append("\n\n").append(bodies.get((first + k) % bodies.size()));
        }
        String url = "https://news.example.org/" + (2020 + i % 6) + "/story-" + i + ".html";
        String date = FIRST_DAY.plusDays(i % 2000).toString() + "T" + String.format("%02d:%02d:00Z", (i / 2000) % 24, i % 60);
        return new Article(url, url, titles.get(first), date, null, List.of("Bench Writer"), "en", "Bench News",
                null, text.toString());
    }

    /** Article {@code i} as the JSON the {@code articles} topic carries. */
    public String json(int i) {
        return Json.write(article(i));
    }
}
