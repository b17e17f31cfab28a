package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpHandler;
import org.apache.kafka.streams.KafkaStreams;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /health} (the process and its Streams client are alive) and {@code /ready} (stores queryable). */
public final class StatusHandlers {
    private StatusHandlers() {
    }

    /** 200 unless Streams has failed or stopped for good (then 503: a restart would help). */
    public static HttpHandler health(Supplier<KafkaStreams.State> state) {
        return ex -> {
            KafkaStreams.State s = state.get();
            boolean alive = s != KafkaStreams.State.ERROR && s != KafkaStreams.State.PENDING_ERROR
                    && s != KafkaStreams.State.NOT_RUNNING && s != KafkaStreams.State.PENDING_SHUTDOWN;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", alive ? "UP" : "DOWN");
            body.put("streams", s.name());
            HttpJson.send(ex, alive ? 200 : 503, body);
        };
    }

    /** 200 when Streams is RUNNING and this instance's stores answer, else 503 with Retry-After. */
    public static HttpHandler ready(Supplier<KafkaStreams.State> state, BooleanSupplier ready) {
        return ex -> {
            boolean ok = ready.getAsBoolean();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", ok ? "READY" : "NOT_READY");
            body.put("streams", state.get().name());
            if (!ok) {
                ex.getResponseHeaders().set("Retry-After", "2");
            }
            HttpJson.send(ex, ok ? 200 : 503, body);
        };
    }
}
