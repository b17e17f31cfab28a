package io.newsmetrics.aggregator.rest;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorJsonTest {
    private static Observation obs(String source, Double value, String unit, Change change) {
        return new Observation("id-" + source, "china/internet-users", "China", "internet-users", "internet users",
                "2025", value, null, value == null ? null : value * 2, unit, "users", Qualifier.MORE_THAN, change,
                source, null, "2025-07-25", "China had \"more than\" 1.1 billion\nusers.", 0, 1, 2);
    }

    @Test
    void writesTheLatestFigureFlattenedWithCorroborationAndConflicts() throws Exception {
        Observation a = obs("https://a", 1.1e9, "count", null);
        Observation a2 = obs("https://a2", 1.1e9, "count", null);
        Observation b = obs("https://b", 1.0e9, "count", null);
        Observation c = obs("https://c", 5.0, "percent", Change.UP);
        Indicator i = Indicator.summarize(a, List.of(a, a2, b, c), 7);
        String json = new String(PagePartTest.write(g -> IndicatorJson.write(g, i)), StandardCharsets.UTF_8);
        String expected = """
                {"key":"china/internet-users","subject":"China","indicator":"internet-users","label":"internet users",\
                "value":1.1E9,"low":null,"high":2.2E9,"unit":"count","qualifier":"more_than","change":null,"period":"2025",\
                "publishedAt":"2025-07-25","source":{"url":"https://a","title":null,"publishedAt":"2025-07-25"},\
                "evidence":"China had \\"more than\\" 1.1 billion\\nusers.","sourceCount":2,"sources":["https://a","https://a2"],\
                "conflicting":true,\
                "conflicts":[{"value":1.0E9,"low":null,"high":2.0E9,"unit":"count","change":null,"sourceCount":1,"sources":["https://b"]}],\
                "otherFigures":[{"value":5.0,"low":null,"high":10.0,"unit":"percent","change":"up","sourceCount":1,"sources":["https://c"]}],\
                "observationCount":7}""";
        assertEquals(expected, json);
        assertEquals(Json.mapper().readTree(expected), Json.mapper().readTree(json));
    }

    @Test
    void writesNullsForWhatAnObservationLacks() throws Exception {
        Observation o = new Observation("id", "k/x", null, "x", null, null, null, null, null, "count", null, null, null,
                "https://s", null, null, null, 0, 0, 0);
        String json = new String(PagePartTest.write(g -> IndicatorJson.write(g, Indicator.summarize(o, List.of(o), 1))),
                StandardCharsets.UTF_8);
        assertEquals("{\"key\":\"k/x\",\"subject\":null,\"indicator\":\"x\",\"label\":null,\"value\":null,\"low\":null,"
                + "\"high\":null,\"unit\":\"count\",\"qualifier\":null,\"change\":null,\"period\":null,\"publishedAt\":null,"
                + "\"source\":{\"url\":\"https://s\",\"title\":null,\"publishedAt\":null},\"evidence\":null,"
                + "\"sourceCount\":1,\"sources\":[\"https://s\"],\"conflicting\":false,\"conflicts\":[],\"otherFigures\":[],"
                + "\"observationCount\":1}", json);
    }
}
