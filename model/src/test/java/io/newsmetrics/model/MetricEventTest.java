package io.newsmetrics.model;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricEventTest {

    static Schema schema() throws Exception {
        try (InputStream in = MetricEvent.class.getResourceAsStream("/schemas/metric-event-v1.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    static MetricEvent event(Double value, String period) {
        String key = MetricEvent.keyOf("China", "internet-users");
        return new MetricEvent(MetricEvent.SCHEMA_VERSION,
                MetricEvent.idOf("https://news.example/a", key, value, null, null, "count", null, period),
                "internet-users", "internet user base", "China", key, value, null, null, "count", "users",
                Qualifier.EXACT, null, period, List.of(new MetricEvent.Amount(1.0, "USD")),
                new MetricEvent.Source("https://news.example/a", "Title", "2025-07-25"),
                new MetricEvent.Evidence("China's internet user base had reached 1.123 billion.", 40, 53));
    }

    @Test
    void shouldWriteJsonThatTheSchemaAccepts() throws Exception {
        String json = Json.write(event(1.123e9, "2025-06"));
        List<Error> errors = schema().validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), () -> errors + " in " + json);
        assertTrue(json.contains("\"qualifier\":\"exact\""), json);
        assertTrue(json.contains("\"change\":null"), "absent change is written as null: " + json);
    }

    @Test
    void shouldBeRejectedByTheSchemaWhenAFieldIsWrong() throws Exception {
        String json = Json.write(event(1.0, "June 2025"));
        assertFalse(schema().validate(json, InputFormat.JSON).isEmpty(), "a free-text period is not a period");
    }

    @Test
    void shouldReadBackWhatItWrote() throws Exception {
        MetricEvent event = event(79.7, "2025-06");
        assertEquals(event, Json.read(Json.write(event), MetricEvent.class));
    }

    @Test
    void shouldGiveTheSameFactTheSameId() {
        assertEquals(event(1.0, "2025").id(), event(1.0, "2025").id());
        assertNotEquals(event(1.0, "2025").id(), event(2.0, "2025").id());
        assertNotEquals(event(1.0, "2025").id(), event(1.0, "2024").id());
        assertEquals(32, event(1.0, null).id().length());
    }

    @Test
    void shouldBuildKebabKeys() {
        assertEquals("china/internet-users", MetricEvent.keyOf("China", "internet-users"));
        assertEquals("home-depot/eps", MetricEvent.keyOf("Home Depot", "eps"));
        assertEquals("u-s-crude-oil/price", MetricEvent.keyOf("U.S. crude oil", "price"));
        assertEquals("-/growth-rate", MetricEvent.keyOf(null, "growth-rate"));
        assertEquals("-/growth-rate", MetricEvent.keyOf("  ", "growth-rate"));
        assertEquals("zurich/population", MetricEvent.keyOf("Zürich", "population"));
        assertEquals("sao-paulo/population", MetricEvent.keyOf("São Paulo", "population"));
        assertEquals("-/population", MetricEvent.keyOf("中国", "population"), "no ASCII form: no subject in the key");
    }
}
