package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.model.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What one instance contributes to a listing: its items in key order, the partitions it read, the partitions it
 * could not read, and whether it had more than the page. Every item is held as JSON bytes: encoded once here,
 * or as another instance sent it, so merging never re-parses or re-encodes an item, only finds where each one
 * starts and ends.
 */
final class PagePart {
    /**
     * An item of a page: its key (the merge order) and its JSON object, {@code json[offset, offset + length)}, as
     * this instance encoded it or another instance sent it; written as is.
     */
    record Item(String key, byte[] json, int offset, int length) {
        void write(JsonGenerator g) throws IOException {
            g.writeRawValue(new RawJson(json, offset, length));
        }
    }

    /** A partition an instance could not read, and why. */
    record Failure(int partition, String detail) {
    }

    private static final Comparator<Item> BY_KEY = Comparator.comparing(Item::key);

    private final List<Item> items;
    private final Set<Integer> partitions;
    private final List<Failure> failures;
    private final boolean hasMore;

    private PagePart(List<Item> items, Set<Integer> partitions, List<Failure> failures, boolean hasMore) {
        this.items = items;
        this.partitions = partitions;
        this.failures = failures;
        this.hasMore = hasMore;
    }

    /**
     * Encodes indicators (in key order) as items, all into one array; a listing encodes only what makes its page,
     * in a few such slices in parallel.
     */
    static List<Item> encode(List<Indicator> indicators) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(Math.max(256, indicators.size() * 640));
        int[] starts = new int[indicators.size() + 1];
        try (JsonGenerator g = Json.mapper().createGenerator(buf)) {
            g.setRootValueSeparator(null); // items back to back: each ends where the next starts
            for (int i = 0; i < indicators.size(); i++) {
                starts[i] = buf.size() + g.getOutputBuffered();
                IndicatorJson.write(g, indicators.get(i));
            }
            g.flush();
            starts[indicators.size()] = buf.size();
        }
        byte[] json = buf.toByteArray();
        List<Item> items = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            items.add(new Item(indicators.get(i).key(), json, starts[i], starts[i + 1] - starts[i]));
        }
        return items;
    }

    /** A part of items already in key order. */
    static PagePart of(List<Item> items, Set<Integer> partitions, List<Failure> failures, boolean hasMore) {
        return new PagePart(List.copyOf(items), new TreeSet<>(partitions), List.copyOf(failures), hasMore);
    }

    /**
     * Reads the part another instance answered ({@link #writeFields} format). Items keep their raw bytes.
     *
     * @throws IOException when the body is not such a page
     */
    static PagePart parse(byte[] body) throws IOException {
        Objects.requireNonNull(body, "body");
        List<Item> items = new ArrayList<>();
        Set<Integer> partitions = new TreeSet<>();
        List<Failure> failures = new ArrayList<>();
        boolean hasMore = false;
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a page part must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "items" -> readItems(p, value, body, items);
                    case "hasMore" -> hasMore = value == JsonToken.VALUE_TRUE;
                    case "partitions" -> {
                        expect(value, JsonToken.START_ARRAY, field);
                        while (p.nextToken() == JsonToken.VALUE_NUMBER_INT) {
                            partitions.add(p.getIntValue());
                        }
                    }
                    case "errors" -> readFailures(p, value, failures);
                    default -> p.skipChildren();
                }
            }
        }
        items.sort(BY_KEY);
        return new PagePart(items, partitions, failures, hasMore);
    }

    private static void readItems(JsonParser p, JsonToken value, byte[] body, List<Item> items) throws IOException {
        expect(value, JsonToken.START_ARRAY, "items");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            long start = p.currentTokenLocation().getByteOffset();
            String key = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("key".equals(name) && t == JsonToken.VALUE_STRING) {
                    key = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            long end = p.currentLocation().getByteOffset();
            if (key == null || start < 0 || end <= start) {
                throw new IOException("an item of a page part has no key (at byte " + start + ")");
            }
            items.add(new Item(key, body, (int) start, (int) (end - start)));
        }
    }

    private static void readFailures(JsonParser p, JsonToken value, List<Failure> failures) throws IOException {
        expect(value, JsonToken.START_ARRAY, "errors");
        while (p.nextToken() == JsonToken.START_OBJECT) {
            int partition = -1;
            String detail = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if ("partition".equals(name)) {
                    partition = p.getValueAsInt(-1);
                } else if ("detail".equals(name)) {
                    detail = p.getValueAsString();
                } else {
                    p.skipChildren();
                }
            }
            failures.add(new Failure(partition, detail));
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String field) throws IOException {
        if (actual != expected) {
            throw new IOException("field '" + field + "' of a page part should be " + expected + ", was " + actual);
        }
    }

    /** Writes this part as one instance answers another: {@code items, hasMore, partitions, errors}. */
    void writeFields(JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("items");
        for (Item i : items) {
            i.write(g);
        }
        g.writeEndArray();
        g.writeBooleanField("hasMore", hasMore);
        g.writeArrayFieldStart("partitions");
        for (int p : partitions) {
            g.writeNumber(p);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("errors");
        for (Failure f : failures) {
            g.writeStartObject();
            g.writeNumberField("partition", f.partition());
            g.writeStringField("detail", f.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    List<Item> items() {
        return Collections.unmodifiableList(items);
    }

    Set<Integer> partitions() {
        return Collections.unmodifiableSet(partitions);
    }

    List<Failure> failures() {
        return Collections.unmodifiableList(failures);
    }

    boolean hasMore() {
        return hasMore;
    }

    /** A merged page: at most the limit, and whether there was more. */
    record Merged<T>(List<T> items, boolean more) {
    }

    /**
     * Merges key-ordered sources into at most {@code limit} elements in key order; a key found in several sources
     * is taken from the first of them. {@code more}: some source had an element beyond the page.
     */
    static <T> Merged<T> merge(List<List<T>> sources, Function<? super T, String> keyOf, int limit) {
        if (sources.size() == 1) { // one instance, or one partition: nothing to interleave
            List<T> only = sources.get(0);
            return only.size() > limit ? new Merged<>(new ArrayList<>(only.subList(0, limit)), true)
                    : new Merged<>(new ArrayList<>(only), false);
        }
        int n = sources.size();
        int[] pos = new int[n];
        String[] head = new String[n]; // each source's current key, null when used up
        int total = 0;
        for (int s = 0; s < n; s++) {
            List<T> src = sources.get(s);
            total += src.size();
            head[s] = src.isEmpty() ? null : keyOf.apply(src.get(0));
        }
        List<T> out = new ArrayList<>(Math.min(limit, total));
        while (true) {
            int best = -1;
            for (int s = 0; s < n; s++) {
                if (head[s] != null && (best < 0 || head[s].compareTo(head[best]) < 0)) {
                    best = s; // strictly smaller: on equal keys the earlier source wins
                }
            }
            if (best < 0) {
                return new Merged<>(out, false);
            }
            if (out.size() == limit) {
                return new Merged<>(out, true);
            }
            String key = head[best];
            out.add(sources.get(best).get(pos[best]));
            for (int s = best; s < n; s++) { // the taken element, and the same key in later sources
                if (key.equals(head[s])) {
                    List<T> src = sources.get(s);
                    pos[s]++;
                    head[s] = pos[s] < src.size() ? keyOf.apply(src.get(pos[s])) : null;
                }
            }
        }
    }

    /** Merges parts (earlier parts win on equal keys) into one page of at most {@code limit} items. */
    static Merged<Item> mergeParts(List<PagePart> parts, int limit) {
        List<List<Item>> sources = new ArrayList<>(parts.size());
        boolean anyMore = false;
        for (PagePart p : parts) {
            sources.add(p.items);
            anyMore |= p.hasMore;
        }
        Merged<Item> m = merge(sources, Item::key, limit);
        return new Merged<>(m.items(), m.more() || anyMore);
    }
}
