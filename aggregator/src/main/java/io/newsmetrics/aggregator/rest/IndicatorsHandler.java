package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.streams.HistoryKeys;
import io.newsmetrics.aggregator.streams.IndicatorFilter;
import io.newsmetrics.aggregator.streams.IndicatorReads;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.InteractiveQueries.PartitionStores;
import io.newsmetrics.aggregator.streams.KeyLocation;
import io.newsmetrics.aggregator.streams.LocalRead;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import io.newsmetrics.model.Json;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * {@code GET /indicators}, {@code /indicators/{key}} and {@code /indicators/{key}/history}.
 * Any instance answers: a key is read where its partition lives (here, or forwarded to the owner, or a
 * standby within the lag bound); a listing asks every instance for its partitions and merges, and says
 * which partitions are missing when some cannot be read.
 */
public final class IndicatorsHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(IndicatorsHandler.class);
    public static final String PATH = "/indicators";
    private static final String HISTORY_SUFFIX = "/history";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> KEY_PARAMS = Set.of("asOf");
    private static final Set<String> HISTORY_PARAMS = Set.of("from", "to", "asOf");
    private static final Set<String> LIST_PARAMS = Set.of("subject", "indicator", "text", "limit", "cursor",
            "requireComplete", "partitions", "standby", "asOf");

    private final InteractiveQueries queries;
    private final Forwarder forwarder;
    private final IntSupplier partitionCount;

    public IndicatorsHandler(InteractiveQueries queries, Forwarder forwarder, IntSupplier partitionCount) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
        this.partitionCount = Objects.requireNonNull(partitionCount, "partitionCount");
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (!path.startsWith(PATH)) {
            throw ApiException.notFound("no resource at " + path);
        }
        String rest = path.substring(PATH.length());
        boolean forwarded = ex.getRequestHeaders().containsKey(Forwarder.FORWARDED_HEADER);
        String rawQuery = ex.getRequestURI().getRawQuery();
        if (rest.isEmpty() || rest.equals("/")) {
            list(ex, Params.parse(rawQuery, LIST_PARAMS), forwarded);
            return;
        }
        if (!rest.startsWith("/")) {
            throw ApiException.notFound("no resource at " + path);
        }
        String key = rest.substring(1);
        boolean history = false;
        if (key.endsWith(HISTORY_SUFFIX) && key.substring(0, key.length() - HISTORY_SUFFIX.length()).contains("/")) {
            key = key.substring(0, key.length() - HISTORY_SUFFIX.length());
            history = true;
        }
        if (!HistoryKeys.isValidKey(key)) {
            throw ApiException.badRequest("not an indicator key: '" + key + "'");
        }
        Params params = Params.parse(rawQuery, history ? HISTORY_PARAMS : KEY_PARAMS);
        String target = ex.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        Function<PartitionStores, Map<String, Object>> query = history ? historyQuery(key, params) : keyQuery(key, params);
        answerKey(ex, key, query, target, forwarded);
    }

    private static Function<PartitionStores, Map<String, Object>> keyQuery(String key, Params params) {
        Period asOf = params.period("asOf");
        return s -> {
            Indicator i = asOf == null ? IndicatorReads.latest(s, key) : IndicatorReads.asOf(s, key, asOf);
            if (i == null) {
                return null;
            }
            Map<String, Object> body = Views.indicator(i);
            if (asOf != null) {
                body.put("asOf", asOf.text());
            }
            return body;
        };
    }

    private static Function<PartitionStores, Map<String, Object>> historyQuery(String key, Params params) {
        Period from = params.period("from");
        Period to = params.period("to");
        Period asOf = params.period("asOf");
        if (asOf != null && (to == null || asOf.end().isBefore(to.end()))) {
            to = asOf;
        }
        if (from != null && to != null && from.start().isAfter(to.end())) {
            throw ApiException.badRequest("from (" + from + ") is after to (" + to + ")");
        }
        Period upper = to;
        return s -> {
            if (IndicatorReads.latest(s, key) == null) {
                return null;
            }
            List<Observation> history = IndicatorReads.history(s, key, from, upper);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", key);
            body.put("from", from == null ? null : from.text());
            body.put("to", upper == null ? null : upper.text());
            body.put("count", history.size());
            List<Map<String, Object>> items = new ArrayList<>(history.size());
            history.forEach(o -> items.add(Views.observation(o)));
            body.put("observations", items);
            body.put("conflicts", Views.conflicts(history));
            return body;
        };
    }

    // ---- single key: local, owner, or standby

    private void answerKey(HttpExchange ex, String key, Function<PartitionStores, Map<String, Object>> query,
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
    private void attempt(HttpExchange ex, String key, int partition, Function<PartitionStores, Map<String, Object>> query,
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
                LocalRead<Map<String, Object>> read;
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

    private void sendLocal(HttpExchange ex, String key, LocalRead<Map<String, Object>> read) throws IOException {
        if (read.value() == null) {
            throw ApiException.notFound("no indicator '" + key + "'");
        }
        Map<String, Object> body = read.value();
        body.put("servedBy", queries.self().host() + ":" + queries.self().port());
        body.put("replica", read.standby() ? "standby" : "active");
        body.put("lag", read.lag());
        HttpJson.send(ex, 200, body);
    }

    // ---- listings: fan out over all instances, merge, report gaps

    private void list(HttpExchange ex, Params params, boolean forwarded) throws IOException {
        IndicatorFilter filter = new IndicatorFilter(params.get("subject"), params.get("indicator"), params.get("text"));
        int limit = params.intValue("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String after = decodeCursor(params.get("cursor"));
        Period asOf = params.period("asOf");
        if (forwarded) {
            Set<Integer> partitions = params.partitions("partitions");
            if (partitions == null) {
                partitions = queries.localActivePartitions();
            }
            HttpJson.send(ex, 200, localList(partitions, params.bool("standby"), filter, after, limit, asOf));
            return;
        }
        if (params.get("partitions") != null || params.get("standby") != null) {
            throw ApiException.badRequest("partitions and standby are for requests between instances");
        }
        Map<String, Object> body = fanOut(ex.getRequestURI().getRawQuery(), filter, after, limit, asOf);
        if (params.bool("requireComplete") && !(Boolean) body.get("complete")) {
            throw ApiException.unavailable("partitions " + body.get("missingPartitions") + " cannot be read now",
                    InteractiveQueries.RETRY_AFTER_SECONDS);
        }
        HttpJson.send(ex, 200, body);
    }

    private ObjectNode localList(Set<Integer> partitions, boolean standby, IndicatorFilter filter, String after,
                                 int limit, Period asOf) {
        List<Indicator> found = new ArrayList<>();
        ArrayNode served = Json.mapper().createArrayNode();
        ArrayNode errors = Json.mapper().createArrayNode();
        for (int p : partitions) {
            try {
                found.addAll(queries.read(p, standby, s -> IndicatorReads.list(s, filter, after, limit + 1, asOf)).value());
                served.add(p);
            } catch (NotAvailableException e) {
                errors.addObject().put("partition", p).put("detail", e.getMessage());
            }
        }
        found.sort(Comparator.comparing(Indicator::key));
        ObjectNode out = Json.mapper().createObjectNode();
        ArrayNode items = out.putArray("items");
        for (int i = 0; i < Math.min(limit, found.size()); i++) {
            items.add(Json.mapper().valueToTree(Views.indicator(found.get(i))));
        }
        out.put("hasMore", found.size() > limit);
        out.set("partitions", served);
        out.set("errors", errors);
        return out;
    }

    private Map<String, Object> fanOut(String rawQuery, IndicatorFilter filter, String after, int limit, Period asOf) {
        int total = partitionCount.getAsInt();
        HostInfo self = queries.self();
        List<String> errors = new ArrayList<>();
        Map<String, JsonNode> items = new TreeMap<>();
        Set<Integer> covered = new TreeSet<>();
        boolean[] hasMore = {false};

        Map<HostInfo, Set<Integer>> actives = new LinkedHashMap<>();
        Map<HostInfo, Set<Integer>> standbys = new LinkedHashMap<>();
        try {
            for (StreamsMetadata m : queries.instances()) {
                actives.put(m.hostInfo(), InteractiveQueries.partitionsOf(m, false));
                standbys.put(m.hostInfo(), InteractiveQueries.partitionsOf(m, true));
            }
        } catch (NotAvailableException e) {
            errors.add(e.getMessage());
        }
        gather(actives, false, rawQuery, filter, after, limit, asOf, self, items, covered, errors, hasMore);
        Set<Integer> missing = missing(total, covered);
        if (!missing.isEmpty()) {
            // second round: standbys (within the lag bound) of the partitions the actives did not give
            Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
            for (int p : missing) {
                standbys.entrySet().stream().filter(e -> e.getValue().contains(p)).findFirst()
                        .ifPresent(e -> plan.computeIfAbsent(e.getKey(), h -> new TreeSet<>()).add(p));
            }
            gather(plan, true, rawQuery, filter, after, limit, asOf, self, items, covered, errors, hasMore);
            missing = missing(total, covered);
        }
        List<JsonNode> page = new ArrayList<>(items.values());
        boolean more = hasMore[0] || page.size() > limit;
        if (page.size() > limit) {
            page = page.subList(0, limit);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", asOf == null ? null : asOf.text());
        body.put("items", page);
        body.put("count", page.size());
        body.put("nextCursor", more && !page.isEmpty() ? encodeCursor(page.get(page.size() - 1).path("key").asText()) : null);
        body.put("complete", missing.isEmpty());
        body.put("missingPartitions", missing);
        body.put("partitions", total);
        body.put("errors", errors);
        return body;
    }

    private void gather(Map<HostInfo, Set<Integer>> plan, boolean standby, String rawQuery, IndicatorFilter filter,
                        String after, int limit, Period asOf, HostInfo self, Map<String, JsonNode> items,
                        Set<Integer> covered,
                        List<String> errors, boolean[] hasMore) {
        Map<HostInfo, CompletableFuture<Forwarder.Reply>> remote = new LinkedHashMap<>();
        for (var e : plan.entrySet()) {
            if (e.getValue().isEmpty() || e.getKey().equals(self)) {
                continue;
            }
            String q = (rawQuery == null || rawQuery.isEmpty() ? "" : rawQuery + "&") + "partitions="
                    + URLEncoder.encode(join(e.getValue()), StandardCharsets.UTF_8) + (standby ? "&standby=true" : "");
            remote.put(e.getKey(), forwarder.get(e.getKey(), PATH + "?" + q));
        }
        Set<Integer> mine = plan.get(self);
        if (mine != null && !mine.isEmpty()) {
            merge(localList(mine, standby, filter, after, limit, asOf), "local", items, covered, errors, hasMore);
        }
        for (var e : remote.entrySet()) {
            String who = e.getKey().host() + ":" + e.getKey().port();
            try {
                Forwarder.Reply reply = e.getValue().join();
                if (reply.status() != 200) {
                    errors.add(who + " answered " + reply.status());
                    continue;
                }
                merge(Json.mapper().readTree(reply.body()), who, items, covered, errors, hasMore);
            } catch (RuntimeException | IOException err) {
                Throwable cause = err.getCause() == null ? err : err.getCause();
                errors.add(who + " did not answer: " + cause);
            }
        }
    }

    private static void merge(JsonNode part, String who, Map<String, JsonNode> items, Set<Integer> covered,
                              List<String> errors, boolean[] hasMore) {
        part.path("items").forEach(n -> items.putIfAbsent(n.path("key").asText(), n));
        part.path("partitions").forEach(n -> covered.add(n.asInt()));
        part.path("errors").forEach(n -> errors.add(who + ": partition " + n.path("partition").asInt() + ": "
                + n.path("detail").asText()));
        if (part.path("hasMore").asBoolean(false)) {
            hasMore[0] = true;
        }
    }

    private static Set<Integer> missing(int total, Set<Integer> covered) {
        Set<Integer> out = new TreeSet<>();
        for (int p = 0; p < total; p++) {
            if (!covered.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String join(Set<Integer> ps) {
        StringBuilder sb = new StringBuilder();
        for (int p : ps) {
            sb.append(sb.length() == 0 ? "" : ",").append(p);
        }
        return sb.toString();
    }

    static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!HistoryKeys.isValidKey(key)) {
                throw new IllegalArgumentException("not a key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("cursor is not one this API returned: '" + cursor + "'");
        }
    }
}
