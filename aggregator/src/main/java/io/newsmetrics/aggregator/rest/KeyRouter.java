package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.InteractiveQueries.PartitionStores;
import io.newsmetrics.aggregator.streams.KeyLocation;
import io.newsmetrics.aggregator.streams.LocalRead;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Answers a single-key request from wherever the key's partition can be read: this instance's active copy,
 * the owner (forwarded without holding an HTTP thread), this instance's standby, another standby (standbys
 * only within the lag bound), else 503 with Retry-After naming every attempt.
 */
final class KeyRouter {
    private static final Logger log = LoggerFactory.getLogger(KeyRouter.class);

    /** The fields of an answer read from a store, written into the answer object before where it was read. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private final InteractiveQueries queries;
    private final Forwarder forwarder;
    private final String servedBy;

    KeyRouter(InteractiveQueries queries, Forwarder forwarder) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
        this.servedBy = queries.self().host() + ":" + queries.self().port();
    }

    void answerKey(HttpExchange ex, String key, Function<PartitionStores, Fields> query,
                           String target, boolean forwarded) throws IOException {
        KeyLocation loc = locate(key);
        HostInfo self = queries.self();
        if (forwarded || self.equals(loc.active())) {
            try {
                sendLocal(ex, key, queries.read(loc.partition(), true, query));
                return;
            } catch (NotAvailableException e) {
                if (forwarded) {
                    throw ApiException.unavailable(e.getMessage(), e.retryAfterSeconds());
                }
                log.debug("own copy of {} not available, trying standbys: {}", key, e.getMessage());
            }
        }
        // the owner first, then our own standby copy, then the other standbys
        List<HostInfo> plan = new ArrayList<>();
        if (loc.active() != null && !self.equals(loc.active())) {
            plan.add(loc.active());
        }
        if (loc.standbys().contains(self)) {
            plan.add(self);
        }
        loc.standbys().stream().filter(h -> !h.equals(self)).forEach(plan::add);
        Guarded.detach(ex); // remote attempts complete on the HTTP client's threads, not ours
        attempt(ex, key, loc.partition(), query, target, plan, 0, new ArrayList<>());
    }

    /** Tries {@code plan[i..]} in order until one answers; the last failure is a 503 naming every attempt. */
    private void attempt(HttpExchange ex, String key, int partition, Function<PartitionStores, Fields> query,
                         String target, List<HostInfo> plan, int i, List<String> failures) {
        if (i == plan.size()) {
            Guarded.complete(ex, () -> {
                throw ApiException.unavailable("key '" + key + "' (partition " + partition + ") cannot be read now: "
                        + (failures.isEmpty() ? "no instance holds it" : String.join("; ", failures)),
                        InteractiveQueries.RETRY_AFTER_SECONDS);
            });
            return;
        }
        HostInfo host = plan.get(i);
        try {
            if (host.equals(queries.self())) {
                LocalRead<Fields> read;
                try {
                    read = queries.read(partition, true, query);
                } catch (NotAvailableException e) {
                    failures.add("local standby: " + e.getMessage());
                    attempt(ex, key, partition, query, target, plan, i + 1, failures);
                    return;
                }
                Guarded.complete(ex, () -> sendLocal(ex, key, read));
                return;
            }
            String who = host.host() + ":" + host.port();
            forwarder.get(host, target).whenComplete((reply, error) -> {
                if (error == null && reply.status() < 500) {
                    Guarded.complete(ex, () -> HttpJson.sendBytes(ex, reply.status(), HttpJson.JSON, reply.body()));
                    return;
                }
                failures.add(error == null ? who + " answered " + reply.status()
                        : who + " did not answer: " + (error.getCause() == null ? error : error.getCause()));
                attempt(ex, key, partition, query, target, plan, i + 1, failures);
            });
        } catch (RuntimeException e) {
            // never leave a detached exchange unanswered
            Guarded.complete(ex, () -> {
                throw e;
            });
        }
    }

    private KeyLocation locate(String key) {
        try {
            return queries.locate(key);
        } catch (NotAvailableException e) {
            throw ApiException.unavailable(e.getMessage(), e.retryAfterSeconds());
        }
    }

    private void sendLocal(HttpExchange ex, String key, LocalRead<Fields> read) throws IOException {
        if (read.value() == null) {
            throw ApiException.notFound("no indicator '" + key + "'");
        }
        Fields fields = read.value();
        HttpJson.send(ex, 200, g -> {
            g.writeStartObject();
            fields.write(g);
            g.writeStringField("servedBy", servedBy);
            g.writeStringField("replica", read.standby() ? "standby" : "active");
            g.writeNumberField("lag", read.lag());
            g.writeEndObject();
        });
    }

}
