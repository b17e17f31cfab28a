package io.newsmetrics.aggregator;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.MetricEvent;
import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Shared helpers of the aggregator tests: events, producing, HTTP calls, waiting. */
final class TestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestSupport() {
    }

    record Reply(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
    }

    static MetricEvent event(String key, double value, String unit, String period, String url, String publishedAt) {
        String subject = key.substring(0, key.indexOf('/'));
        String indicator = key.substring(key.indexOf('/') + 1);
        String id = MetricEvent.idOf(url, key, value, null, null, unit, null, period);
        return new MetricEvent(MetricEvent.SCHEMA_VERSION, id, indicator, indicator.replace('-', ' '), subject, key,
                value, null, null, unit, null, null, null, period, List.of(),
                new MetricEvent.Source(url, "Title of " + url, publishedAt),
                new MetricEvent.Evidence(subject + " " + indicator + " was " + value + " in " + period + ".", 0, 5));
    }

    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    static void produce(String bootstrap, MetricEvent... events) {
        JsonSerde<MetricEvent> serde = JsonSerde.of(MetricEvent.class);
        try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
            for (MetricEvent e : events) {
                // one at a time, in order: arrival order is part of what the tests check
                p.send(new ProducerRecord<>(Topics.METRICS, e.key(), serde.serialize(Topics.METRICS, e))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + bootstrap, e);
        }
    }

    static void produceRaw(String bootstrap, String key, String value) {
        try (KafkaProducer<String, byte[]> p = producer(bootstrap)) {
            p.send(new ProducerRecord<>(Topics.METRICS, key, value == null ? null : value.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot produce to " + bootstrap, e);
        }
    }

    static Reply get(int port, String pathAndQuery) {
        return get(port, pathAndQuery, null);
    }

    static Reply get(int port, String pathAndQuery, String token) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(20)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.startsWith("application/json")) {
                json = Json.mapper().readTree(r.body());
            }
            return new Reply(r.statusCode(), json, r.body(), r.headers());
        } catch (IOException e) {
            return new Reply(-1, null, e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code ok} holds for the reply, or fails with the last reply after {@code seconds}. */
    static Reply await(int port, String pathAndQuery, Predicate<Reply> ok, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Reply last;
        do {
            last = get(port, pathAndQuery);
            if (ok.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("after " + seconds + " s GET " + pathAndQuery + " still gives " + last.status() + " "
                + last.body());
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
