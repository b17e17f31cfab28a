package io.newsmetrics.launcher;

import io.newsmetrics.ingest.UrlPublisher;
import io.newsmetrics.ingest.parse.ArticleFiles;
import io.newsmetrics.ingest.parse.ArticleParser;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.Topics;
import io.newsmetrics.model.UrlRequest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code newsmetrics ingest URL|FILE|-}: URLs go to {@code news-urls} for the ingest service to fetch;
 * local article files (HTML or the plain-text form) are parsed here and go straight to {@code articles}.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publish news URLs (or local article files) to the pipeline; '-' reads URLs from stdin, one per line.")
final class IngestCommand implements Callable<Integer> {
    static final String LOCAL_BROKER = "127.0.0.1:9092";

    @Parameters(arity = "1..*", paramLabel = "URL|FILE|-", description = "http(s) URLs, article files, or - for stdin.")
    List<String> inputs;

    @Option(names = "--bootstrap-servers", defaultValue = LOCAL_BROKER, paramLabel = "HOST:PORT,...",
            description = "Kafka cluster (default: the broker 'up' starts, ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--force", description = "Fetch again even when the URL was fetched recently.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        List<String> urls = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int rejected = 0;
        for (String input : expand(inputs)) {
            String lower = input.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                urls.add(input);
            } else if (Files.isRegularFile(Path.of(input))) {
                files.add(Path.of(input));
            } else {
                System.err.println("newsmetrics ingest: skipped '" + input + "': not an http(s) URL nor a readable file");
                rejected++;
            }
        }
        int invalid = rejected;
        Progress progress = new Progress(urls.size() + files.size());
        if (!urls.isEmpty()) {
            try (UrlPublisher publisher = UrlPublisher.create(bootstrapServers)) {
                for (String url : urls) {
                    try {
                        publisher.publish(new UrlRequest(url, force));
                    } catch (IllegalArgumentException e) {
                        System.err.println("newsmetrics ingest: skipped '" + url + "': " + e.getMessage());
                        rejected++;
                    }
                    progress.step();
                }
                publisher.flush(); // every accepted URL is on the broker before we say so
            }
        }
        int failedFiles = files.isEmpty() ? 0 : publishFiles(files, progress);
        progress.done();
        System.err.printf("newsmetrics ingest: %d URLs and %d files published, %d rejected%n",
                urls.size() - (rejected - invalid), files.size() - failedFiles, rejected + failedFiles);
        return rejected + failedFiles == 0 ? 0 : 1;
    }

    private int publishFiles(List<Path> files, Progress progress) throws Exception {
        ArticleParser parser = ArticleParser.create();
        int failed = 0;
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), JsonSerde.of(Article.class))) {
            for (Path file : files) {
                try {
                    Article article = ArticleFiles.read(file, parser);
                    producer.send(new ProducerRecord<>(Topics.ARTICLES, article.canonicalUrl(), article)).get();
                } catch (Exception e) {
                    System.err.println("newsmetrics ingest: cannot ingest " + file + ": " + e.getMessage());
                    failed++;
                }
                progress.step();
            }
        }
        return failed;
    }

    private static List<String> expand(List<String> inputs) throws Exception {
        List<String> out = new ArrayList<>();
        for (String input : inputs) {
            if ("-".equals(input)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
            } else if (input.startsWith("file:")) {
                out.add(Path.of(URI.create(input)).toString());
            } else {
                out.add(input);
            }
        }
        return out;
    }

    /** A progress bar on stderr for long lists, shown only on a terminal. */
    static final class Progress {
        private static final int MIN_ITEMS = 20;
        private final int total;
        private final boolean show;
        private int done;

        Progress(int total) {
            this.total = total;
            this.show = total >= MIN_ITEMS && System.console() != null;
        }

        void step() {
            done++;
            if (show && (done % 10 == 0 || done == total)) {
                int width = 30;
                int filled = width * done / total;
                System.err.printf("\r[%s%s] %d/%d", "#".repeat(filled), " ".repeat(width - filled), done, total);
            }
        }

        void done() {
            if (show) {
                System.err.println();
            }
        }
    }
}
