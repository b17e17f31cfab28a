package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.streams.HistoryKeys;
import io.newsmetrics.aggregator.streams.IndicatorFilter;
import io.newsmetrics.aggregator.streams.IndicatorReads;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import io.newsmetrics.model.Json;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

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
import java.util.function.IntSupplier;

/**
 * Listings: every instance is asked for its active partitions (in parallel), standbys for the partitions that
 * did not answer, and the pages are merged by key; the answer says which partitions are still missing.
 */
final class Listings {
    static final int DEFAULT_LIMIT = IndicatorsHandler.DEFAULT_LIMIT;
    static final int MAX_LIMIT = IndicatorsHandler.MAX_LIMIT;
    private static final String PATH = IndicatorsHandler.PATH;

    private final InteractiveQueries queries;
    private final Forwarder forwarder;
    private final IntSupplier partitionCount;

    Listings(InteractiveQueries queries, Forwarder forwarder, IntSupplier partitionCount) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
        this.partitionCount = Objects.requireNonNull(partitionCount, "partitionCount");
    }

    void list(HttpExchange ex, Params params, boolean forwarded) throws IOException {
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
