package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.streams.HistoryKeys;
import io.newsmetrics.aggregator.streams.IndicatorFilter;
import io.newsmetrics.aggregator.streams.IndicatorReads;
import io.newsmetrics.aggregator.streams.InteractiveQueries;
import io.newsmetrics.aggregator.streams.NotAvailableException;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.function.IntSupplier;

/**
 * Listings: every instance is asked for its active partitions (in parallel), standbys for the partitions that
 * did not answer, and the pages are merged by key; the answer says which partitions are still missing.
 */
final class Listings {
    static final int DEFAULT_LIMIT = IndicatorsHandler.DEFAULT_LIMIT;
    static final int MAX_LIMIT = IndicatorsHandler.MAX_LIMIT;
    private static final String PATH = IndicatorsHandler.PATH;
    /** Fewer items than this per slice are encoded on one thread (a hand-off costs more than it saves). */
    private static final int ENCODE_SLICE_MIN = 500;
    private static final Comparator<Indicator> BY_KEY = Comparator.comparing(Indicator::key);

    private final InteractiveQueries queries;
    private final Forwarder forwarder;
    private final IntSupplier partitionCount;
    private final Executor pool;
    private final int poolThreads;

    /**
     * @param pool        where partitions are read and pages encoded in parallel (the calling thread takes a share)
     * @param poolThreads how many threads {@code pool} has
     */
    Listings(InteractiveQueries queries, Forwarder forwarder, IntSupplier partitionCount, Executor pool,
             int poolThreads) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
        this.partitionCount = Objects.requireNonNull(partitionCount, "partitionCount");
        this.pool = Objects.requireNonNull(pool, "pool");
        if (poolThreads < 0) {
            throw new IllegalArgumentException("poolThreads must be >= 0, was " + poolThreads);
        }
        this.poolThreads = poolThreads;
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
            PagePart part = localPart(partitions, params.bool("standby"), filter, after, limit, asOf);
            HttpJson.stream(ex, 200, g -> {
                g.writeStartObject();
                part.writeFields(g);
                g.writeEndObject();
            });
            return;
        }
        if (params.get("partitions") != null || params.get("standby") != null) {
            throw ApiException.badRequest("partitions and standby are for requests between instances");
        }
        Page page = fanOut(ex.getRequestURI().getRawQuery(), filter, after, limit, asOf);
        if (params.bool("requireComplete") && !page.missing().isEmpty()) {
            throw ApiException.unavailable("partitions " + page.missing() + " cannot be read now",
                    InteractiveQueries.RETRY_AFTER_SECONDS);
        }
        HttpJson.stream(ex, 200, page::write);
    }

    /**
     * Reads {@code partitions} here, one task per partition on the listing pool (this thread does the first), merges
     * them to the page and encodes what made it, in slices in parallel. A partition that cannot be read is reported
     * in the part, not thrown.
     */
    private PagePart localPart(Set<Integer> partitions, boolean standby, IndicatorFilter filter, String after,
                               int limit, Period asOf) {
        List<Supplier<Read>> reads = new ArrayList<>(partitions.size());
        for (int p : partitions) {
            reads.add(() -> read(p, standby, filter, after, limit, asOf));
        }
        List<List<Indicator>> found = new ArrayList<>(partitions.size());
        Set<Integer> served = new TreeSet<>();
        List<PagePart.Failure> failures = new ArrayList<>();
        for (Read r : inParallel(reads)) {
            if (r.indicators() != null) {
                found.add(r.indicators());
                served.add(r.partition());
            } else {
                failures.add(new PagePart.Failure(r.partition(), r.failure()));
            }
        }
        PagePart.Merged<Indicator> page = PagePart.merge(found, Indicator::key, limit);
        return PagePart.of(encode(page.items()), served, failures, page.more());
    }

    /** One partition's indicators in key order; or why it could not be read. */
    private record Read(int partition, List<Indicator> indicators, String failure) {
    }

    private Read read(int partition, boolean standby, IndicatorFilter filter, String after, int limit, Period asOf) {
        try {
            List<Indicator> list = new ArrayList<>(queries.read(partition, standby,
                    s -> IndicatorReads.list(s, filter, after, limit + 1, asOf)).value());
            list.sort(BY_KEY); // already in store (UTF-8 byte) order; this settles the String order cheaply
            return new Read(partition, list, null);
        } catch (NotAvailableException e) {
            return new Read(partition, null, e.getMessage());
        }
    }

    /** Encodes a page's indicators, in as many slices as the pool has threads (plus this one). */
    private List<PagePart.Item> encode(List<Indicator> page) {
        int slices = Math.max(1, Math.min(poolThreads + 1, page.size() / ENCODE_SLICE_MIN));
        List<Supplier<List<PagePart.Item>>> tasks = new ArrayList<>(slices);
        for (int i = 0; i < slices; i++) {
            List<Indicator> slice = page.subList(page.size() * i / slices, page.size() * (i + 1) / slices);
            tasks.add(() -> {
                try {
                    return PagePart.encode(slice);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot encode indicators", e);
                }
            });
        }
        List<PagePart.Item> out = new ArrayList<>(page.size());
        inParallel(tasks).forEach(out::addAll);
        return out;
    }

    /** Runs the tasks, all but the first on the pool and the first on this thread; results in task order. */
    private <T> List<T> inParallel(List<Supplier<T>> tasks) {
        List<CompletableFuture<T>> others = new ArrayList<>(tasks.size());
        for (int i = 1; i < tasks.size(); i++) {
            others.add(CompletableFuture.supplyAsync(tasks.get(i), pool));
        }
        List<T> out = new ArrayList<>(tasks.size());
        if (!tasks.isEmpty()) {
            out.add(tasks.get(0).get());
        }
        for (CompletableFuture<T> f : others) {
            try {
                out.add(f.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return out;
    }

    /** A merged listing page, written as the {@code IndicatorPage} of openapi.yaml. */
    record Page(Period asOf, PagePart.Merged<PagePart.Item> merged, Set<Integer> missing, int partitions, List<String> errors) {
        void write(JsonGenerator g) throws IOException {
            List<PagePart.Item> items = merged.items();
            g.writeStartObject();
            g.writeStringField("asOf", asOf == null ? null : asOf.text());
            g.writeArrayFieldStart("items");
            for (PagePart.Item i : items) {
                i.write(g);
            }
            g.writeEndArray();
            g.writeNumberField("count", items.size());
            g.writeStringField("nextCursor", merged.more() && !items.isEmpty()
                    ? encodeCursor(items.get(items.size() - 1).key()) : null);
            g.writeBooleanField("complete", missing.isEmpty());
            g.writeArrayFieldStart("missingPartitions");
            for (int p : missing) {
                g.writeNumber(p);
            }
            g.writeEndArray();
            g.writeNumberField("partitions", partitions);
            g.writeArrayFieldStart("errors");
            for (String e : errors) {
                g.writeString(e);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private Page fanOut(String rawQuery, IndicatorFilter filter, String after, int limit, Period asOf) {
        int total = partitionCount.getAsInt();
        HostInfo self = queries.self();
        List<String> errors = new ArrayList<>();
        List<PagePart> parts = new ArrayList<>();

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
        gather(actives, false, rawQuery, filter, after, limit, asOf, self, parts, errors);
        Set<Integer> missing = missing(total, parts);
        if (!missing.isEmpty()) {
            // second round: standbys (within the lag bound) of the partitions the actives did not give
            Map<HostInfo, Set<Integer>> plan = new LinkedHashMap<>();
            for (int p : missing) {
                standbys.entrySet().stream().filter(e -> e.getValue().contains(p)).findFirst()
                        .ifPresent(e -> plan.computeIfAbsent(e.getKey(), h -> new TreeSet<>()).add(p));
            }
            gather(plan, true, rawQuery, filter, after, limit, asOf, self, parts, errors);
            missing = missing(total, parts);
        }
        return new Page(asOf, PagePart.mergeParts(parts, limit), missing, total, errors);
    }

    /** Asks every host of {@code plan} for its partitions (others in parallel, this one meanwhile) and adds the parts. */
    private void gather(Map<HostInfo, Set<Integer>> plan, boolean standby, String rawQuery, IndicatorFilter filter,
                        String after, int limit, Period asOf, HostInfo self, List<PagePart> parts,
                        List<String> errors) {
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
            add(localPart(mine, standby, filter, after, limit, asOf), "local", parts, errors);
        }
        for (var e : remote.entrySet()) {
            String who = e.getKey().host() + ":" + e.getKey().port();
            try {
                Forwarder.Reply reply = e.getValue().join();
                if (reply.status() != 200) {
                    errors.add(who + " answered " + reply.status());
                    continue;
                }
                add(PagePart.parse(reply.body()), who, parts, errors);
            } catch (RuntimeException | IOException err) {
                Throwable cause = err.getCause() == null ? err : err.getCause();
                errors.add(who + " did not answer: " + cause);
            }
        }
    }

    private static void add(PagePart part, String who, List<PagePart> parts, List<String> errors) {
        parts.add(part);
        for (PagePart.Failure f : part.failures()) {
            errors.add(who + ": partition " + f.partition() + ": " + f.detail());
        }
    }

    private static Set<Integer> missing(int total, List<PagePart> parts) {
        Set<Integer> covered = new TreeSet<>();
        parts.forEach(p -> covered.addAll(p.partitions()));
        return missing(total, covered);
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
