package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.streams.HistoryKeys;
import io.newsmetrics.aggregator.streams.IndicatorReads;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.InteractiveQueries.PartitionStores;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * {@code GET /indicators}, {@code /indicators/{key}} and {@code /indicators/{key}/history}.
 * Any instance answers: a key is read where its partition lives (here, or forwarded to the owner, or a
 * standby within the lag bound); a listing asks every instance for its partitions and merges, and says
 * which partitions are missing when some cannot be read.
 */
public final class IndicatorsHandler implements HttpHandler {
    public static final String PATH = "/indicators";
    private static final String HISTORY_SUFFIX = "/history";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 10_000;
    private static final Set<String> KEY_PARAMS = Set.of("asOf");
    private static final Set<String> HISTORY_PARAMS = Set.of("from", "to", "asOf", "source");
    private static final Set<String> LIST_PARAMS = Set.of("subject", "indicator", "text", "limit", "cursor",
            "requireComplete", "partitions", "standby", "asOf");

    private final KeyRouter keys;
    private final Listings listings;

    /**
     * @param listingPool        where a listing reads partitions and encodes its page in parallel; should be bounded
     *                           and run rejected tasks on the caller (see {@code AggregatorService})
     * @param listingPoolThreads the threads of {@code listingPool}
     */
    public IndicatorsHandler(InteractiveQueries queries, Forwarder forwarder, IntSupplier partitionCount,
                             Executor listingPool, int listingPoolThreads) {
        this.keys = new KeyRouter(queries, forwarder);
        this.listings = new Listings(queries, forwarder, partitionCount, listingPool, listingPoolThreads);
    }

    /** Whether {@code path} names one key's latest value ({@code /indicators/{key}}), not a listing or history. */
    public static boolean isKeyPath(String path) {
        if (path == null || !path.startsWith(PATH + "/") || path.length() == PATH.length() + 1) {
            return false;
        }
        return !isHistory(path.substring(PATH.length() + 1));
    }

    /** Whether what follows {@code /indicators/} is {@code {key}/history} (a key itself holds one slash). */
    private static boolean isHistory(String keyPath) {
        return keyPath.endsWith(HISTORY_SUFFIX)
                && keyPath.substring(0, keyPath.length() - HISTORY_SUFFIX.length()).contains("/");
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
            listings.list(ex, Params.parse(rawQuery, LIST_PARAMS), forwarded);
            return;
        }
        if (!rest.startsWith("/")) {
            throw ApiException.notFound("no resource at " + path);
        }
        String key = rest.substring(1);
        boolean history = isHistory(key);
        if (history) {
            key = key.substring(0, key.length() - HISTORY_SUFFIX.length());
        }
        if (!HistoryKeys.isValidKey(key)) {
            throw ApiException.badRequest("not an indicator key: '" + key + "'");
        }
        Params params = Params.parse(rawQuery, history ? HISTORY_PARAMS : KEY_PARAMS);
        String target = ex.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        Function<PartitionStores, KeyRouter.Fields> query = history ? historyQuery(key, params) : keyQuery(key, params);
        keys.answerKey(ex, key, query, target, forwarded);
    }

    private static Function<PartitionStores, KeyRouter.Fields> keyQuery(String key, Params params) {
        Period asOf = params.period("asOf");
        return s -> {
            Indicator i = asOf == null ? IndicatorReads.latest(s, key) : IndicatorReads.asOf(s, key, asOf);
            if (i == null) {
                return null;
            }
            return g -> {
                IndicatorJson.writeFields(g, i);
                if (asOf != null) {
                    g.writeStringField("asOf", asOf.text());
                }
            };
        };
    }

    private static Function<PartitionStores, KeyRouter.Fields> historyQuery(String key, Params params) {
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
        String given = params.get("source"); // one article's reports: "what did this page say about the key?"
        String source = given == null ? null : given.strip();
        return s -> {
            if (IndicatorReads.latest(s, key) == null) {
                return null;
            }
            List<Observation> history = IndicatorReads.history(s, key, from, upper);
            if (source != null) {
                history = history.stream().filter(o -> o.sourceUrl().equals(source)).toList();
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("key", key);
            body.put("from", from == null ? null : from.text());
            body.put("to", upper == null ? null : upper.text());
            if (source != null) {
                body.put("source", source);
            }
            body.put("count", history.size());
            List<Map<String, Object>> items = new ArrayList<>(history.size());
            history.forEach(o -> items.add(Views.observation(o)));
            body.put("observations", items);
            body.put("conflicts", Views.conflicts(history));
            return g -> {
                for (Map.Entry<String, Object> e : body.entrySet()) {
                    g.writeFieldName(e.getKey());
                    g.writeObject(e.getValue());
                }
            };
        };
    }

    /** The opaque cursor of a page ending at {@code key}. */
    static String encodeCursor(String key) {
        return Listings.encodeCursor(key);
    }

    /** The key a cursor stands for; 400 when it is not one this API returned. */
    static String decodeCursor(String cursor) {
        return Listings.decodeCursor(cursor);
    }
}
