package io.newsmetrics.launcher.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmetrics.extractor.fact.MetricExtractor;
import io.newsmetrics.model.Article;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.MetricEvent;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** What the fault tests share: test articles, Kafka reads and waits, and the aggregator's listing. */
final class FaultKit {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> PARAGRAPHS = loadParagraphs();

    private FaultKit() {
    }

    private static List<String> loadParagraphs() {
        try (InputStream in = FaultKit.class.getResourceAsStream("/faults/paragraphs.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Article {@code i}: four paragraphs chosen by {@code i}, its own URL and its own publication day, so two
     * articles never tie on publication time (which would leave "latest" to arrival order).
     */
    static Article article(int i) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            text.append(k == 0 ? "" : "\n\n").append(PARAGRAPHS.get((i * 5 + k * 3) % PARAGRAPHS.size()));
        }
        String url = "https://faults.example.net/news/" + i;
        return Article.of(url, "Figures of the day " + i, LocalDate.of(2025, 1, 1).plusDays(i).toString(), text.toString());
    }

    static KafkaProducer<String, String> producer(String bootstrap) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    /** Writes articles {@code from} (inclusive) to {@code to} (exclusive) and waits for the broker's acks. */
    static void produceArticles(String bootstrap, int from, int to) throws Exception {
        List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            for (int i = from; i < to; i++) {
                Article a = article(i);
                sends.add(producer.send(new ProducerRecord<>(io.newsmetrics.model.Topics.ARTICLES, a.canonicalUrl(), Json.write(a))));
            }
            producer.flush();
        }
        // a send that failed would make a clean run look lossy: check every one
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(60, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError("article " + (from + i) + " was not written to articles: " + e.getCause(), e);
            }
        }
    }

    /** The ids the extractor must publish for these article records, computed offline. */
    static List<String> expectedIds(List<ConsumerRecord<String, String>> articleRecords) throws IOException {
        MetricExtractor extractor = MetricExtractor.create();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : articleRecords) {
            for (MetricEvent e : extractor.extract(Json.read(r.value(), Article.class))) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    static KafkaConsumer<String, String> consumer(String bootstrap, boolean readCommitted) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        c.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** Every record of a topic now, from the beginning to the end (the last stable offset when read_committed). */
    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic, boolean readCommitted) {
        try (KafkaConsumer<String, String> c = consumer(bootstrap, readCommitted)) {
            List<TopicPartition> tps = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            Map<TopicPartition, Long> ends = c.endOffsets(tps);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (tps.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + ends + " within 60 s");
                }
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /** The event ids of every committed record on {@code metrics}. */
    static List<String> committedMetricIds(String bootstrap) throws IOException {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(bootstrap, io.newsmetrics.model.Topics.METRICS, true)) {
            ids.add(Json.mapper().readTree(r.value()).path("id").asText());
        }
        return ids;
    }

    /** How many records a consumer group (a Streams application) has not committed yet on a topic. */
    static long lag(String bootstrap, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            return io.newsmetrics.broker.ConsumerLag.of(admin, group, topic, Duration.ofSeconds(15)).records();
        }
    }

    /** Waits until both Streams applications have committed all of their input. */
    static void awaitPipelineCaughtUp(String bootstrap, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String[] app : List.of(new String[]{"newsmetrics-extractor", io.newsmetrics.model.Topics.ARTICLES},
                new String[]{"newsmetrics-aggregator", io.newsmetrics.model.Topics.METRICS})) {
            long lag = -1;
            Exception last = null;
            while (System.nanoTime() < deadline) {
                try {
                    lag = lag(bootstrap, app[0], app[1]);
                } catch (Exception e) {
                    lag = -1; // broker still coming up
                    last = e;
                }
                if (lag == 0) {
                    break;
                }
                Thread.sleep(250);
            }
            if (lag != 0) {
                throw new AssertionError(app[0] + " did not catch up on " + app[1] + " within " + timeout + " (lag " + lag + (last == null ? "" : ", last error " + last) + ")");
            }
        }
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GET that answers -1 instead of failing while the server is not up. */
    static int status(String url) {
        try {
            return get(url).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * The whole listing of the aggregator, page by page, by key, without what says which instance answered;
     * fails when the listing says a partition is missing.
     */
    static Map<String, JsonNode> listing(String api) throws IOException, InterruptedException {
        Map<String, JsonNode> out = new TreeMap<>();
        String cursor = null;
        do {
            HttpResponse<String> r = get(api + "/indicators?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            if (r.statusCode() != 200) {
                throw new AssertionError("GET /indicators answered " + r.statusCode() + ": " + r.body());
            }
            JsonNode page = Json.mapper().readTree(r.body());
            if (!page.path("complete").asBoolean(false)) {
                throw new AssertionError("incomplete listing: " + r.body());
            }
            for (JsonNode item : page.path("items")) {
                out.put(item.path("key").asText(), arrivalFree(item));
            }
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return out;
    }

    /**
     * An indicator without what depends on arrival order across partitions: which instance answered, the
     * first-seen order of its sources and of its conflicting and other figures (sets, as far as truth goes), and
     * which sources a list bounded below its exact {@code sourceCount} happens to hold (the first ones to arrive).
     */
    static JsonNode arrivalFree(JsonNode indicator) {
        ObjectNode copy = indicator.deepCopy();
        copy.remove(List.of("servedBy", "replica", "lag"));
        normaliseSources(copy);
        for (String field : List.of("conflicts", "otherFigures")) {
            if (copy.get(field) instanceof com.fasterxml.jackson.databind.node.ArrayNode figures) {
                List<JsonNode> items = new ArrayList<>();
                figures.forEach(c -> {
                    ObjectNode cc = c.deepCopy();
                    normaliseSources(cc);
                    items.add(cc);
                });
                items.sort(java.util.Comparator.comparing(JsonNode::toString));
                figures.removeAll();
                items.forEach(figures::add);
            }
        }
        return copy;
    }

    /** Sources as a sorted set; a truncated list (fewer than sourceCount) is dropped, its exact count kept. */
    private static void normaliseSources(ObjectNode figure) {
        JsonNode sources = figure.get("sources");
        if (sources != null && sources.isArray() && figure.path("sourceCount").asInt(sources.size()) > sources.size()) {
            figure.remove("sources");
            return;
        }
        sortArray(figure, "sources");
    }

    private static void sortArray(ObjectNode node, String field) {
        if (node.get(field) instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            List<JsonNode> items = new ArrayList<>();
            array.forEach(items::add);
            items.sort(java.util.Comparator.comparing(JsonNode::toString));
            array.removeAll();
            items.forEach(array::add);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
