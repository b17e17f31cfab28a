package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagePartTest {
    static Indicator indicator(String key, double value) {
        Observation o = new Observation("id-" + key, key, "Subject", "indicator", "label \"quoted\" é", "2025", value,
                null, null, "count", null, Qualifier.EXACT, null, "https://s/" + key, "title", "2025-06-01",
                "Sentence with ünïcode and a \\ backslash.", 0, 1, 2);
        return Indicator.summarize(o, List.of(o), 1);
    }

    private static List<PagePart.Item> items(String... keys) {
        List<PagePart.Item> out = new ArrayList<>();
        for (String k : keys) {
            byte[] json = ("{\"key\":\"" + k + "\"}").getBytes(StandardCharsets.UTF_8);
            out.add(new PagePart.Item(k, json, 0, json.length));
        }
        return out;
    }

    private static List<String> keys(PagePart.Merged<PagePart.Item> m) {
        return m.items().stream().map(PagePart.Item::key).toList();
    }

    @Test
    void mergesSourcesInKeyOrderTakingAKeyOnceFromTheFirstSource() {
        List<PagePart.Item> first = items("a", "c", "e");
        List<PagePart.Item> second = items("b", "c", "d", "f");
        PagePart.Merged<PagePart.Item> m = PagePart.merge(List.of(first, second), PagePart.Item::key, 10);
        assertEquals(List.of("a", "b", "c", "d", "e", "f"), keys(m));
        assertFalse(m.more());
        assertTrue(m.items().contains(first.get(1)), "the duplicate key comes from the first source");
    }

    @Test
    void stopsAtTheLimitAndSaysThereIsMore() {
        PagePart.Merged<PagePart.Item> m = PagePart.merge(List.of(items("a", "c"), items("b", "d")), PagePart.Item::key, 3);
        assertEquals(List.of("a", "b", "c"), keys(m));
        assertTrue(m.more());
        PagePart.Merged<PagePart.Item> exact = PagePart.merge(List.of(items("a", "c"), items("b")), PagePart.Item::key, 3);
        assertFalse(exact.more(), "exactly the limit is not more");
        PagePart.Merged<PagePart.Item> one = PagePart.merge(List.of(items("a", "b", "c")), PagePart.Item::key, 2);
        assertEquals(List.of("a", "b"), keys(one));
        assertTrue(one.more());
        assertEquals(List.of(), keys(PagePart.merge(List.<List<PagePart.Item>>of(), PagePart.Item::key, 5)));
    }

    @Test
    void partsMergeWithMoreWhenAnyPartHadMore() {
        PagePart a = PagePart.of(items("a", "c"), Set.of(0), List.of(), false);
        PagePart b = PagePart.of(items("b"), Set.of(1), List.of(), true);
        PagePart.Merged<PagePart.Item> m = PagePart.mergeParts(List.of(a, b), 10);
        assertEquals(List.of("a", "b", "c"), keys(m));
        assertTrue(m.more(), "b stopped at its limit: keys after it may exist");
    }

    @Test
    void encodedItemsAreEachTheirIndicatorsJson() throws IOException {
        List<Indicator> list = List.of(indicator("a/x", 1), indicator("b/x", 2.5), indicator("c/x", 1e21));
        List<PagePart.Item> items = PagePart.encode(list);
        assertEquals(3, items.size());
        for (int i = 0; i < list.size(); i++) {
            PagePart.Item item = items.get(i);
            assertEquals(list.get(i).key(), item.key());
            JsonNode node = Json.mapper().readTree(new String(item.json(), item.offset(), item.length(), StandardCharsets.UTF_8));
            assertEquals(list.get(i).key(), node.path("key").asText());
            assertEquals(list.get(i).latest().value(), node.path("value").asDouble());
            assertEquals("label \"quoted\" é", node.path("label").asText());
        }
    }

    @Test
    void aPartWrittenByOneInstanceIsReadBackByAnotherWithItsItemsAsSent() throws IOException {
        List<PagePart.Item> encoded = PagePart.encode(List.of(indicator("a/x", 1), indicator("b/x", 2)));
        PagePart part = PagePart.of(encoded, Set.of(0, 2), List.of(new PagePart.Failure(1, "restoring")), false);
        byte[] sent = write(g -> {
            g.writeStartObject();
            part.writeFields(g);
            g.writeEndObject();
        });
        PagePart read = PagePart.parse(sent);
        assertEquals(List.of("a/x", "b/x"), read.items().stream().map(PagePart.Item::key).toList());
        assertEquals(Set.of(0, 2), read.partitions());
        assertEquals(List.of(new PagePart.Failure(1, "restoring")), read.failures());
        assertFalse(read.hasMore());
        for (int i = 0; i < 2; i++) {
            PagePart.Item a = encoded.get(i);
            PagePart.Item b = read.items().get(i);
            assertEquals(new String(a.json(), a.offset(), a.length(), StandardCharsets.UTF_8),
                    new String(b.json(), b.offset(), b.length(), StandardCharsets.UTF_8), "item bytes pass through as sent");
        }
        // written again (raw) inside an array, the items stay valid JSON with separators
        JsonNode again = Json.mapper().readTree(write(g -> {
            g.writeStartArray();
            for (PagePart.Item i : read.items()) {
                i.write(g);
            }
            g.writeEndArray();
        }));
        assertEquals(2, again.size());
        assertEquals("b/x", again.get(1).path("key").asText());
    }

    @Test
    void rejectsABodyThatIsNotAPagePart() {
        assertThrows(IOException.class, () -> PagePart.parse("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> PagePart.parse("{\"items\":[{\"value\":1}]}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IOException.class, () -> PagePart.parse("{\"items\":3}".getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] write(HttpJson.Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.mapper().createGenerator(out)) {
            body.write(g);
        }
        return out.toByteArray();
    }
}
