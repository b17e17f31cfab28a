package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Qualifier;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON the API writes matches openapi.yaml: valid against its schemas, and no field left undocumented. */
class OpenApiContractTest {
    private static final String SPEC = "/aggregator/openapi.yaml";
    private final JsonNode spec = load();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30());

    private static JsonNode load() {
        try (InputStream in = OpenApiContractTest.class.getResourceAsStream(SPEC)) {
            return YAMLMapper.builder().build().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + SPEC, e);
        }
    }

    static Observation obs(String source, Double value, String unit, Change change) {
        return new Observation("id-" + source, "china/internet-users", "China", "internet-users", "internet users",
                "2025", value, null, null, unit, "users", Qualifier.MORE_THAN, change, source, "A title", "2025-07-25",
                "China had more than 1.1 billion internet users.", 0, 1, 2);
    }

    /** An indicator as {@link IndicatorJson} writes it, read back as a map (so tests can add the answer's fields). */
    static Map<String, Object> written(Indicator i) {
        try {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = Json.mapper().createGenerator(out)) {
                IndicatorJson.write(g, i);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = Json.mapper().readValue(out.toString(), LinkedHashMap.class);
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<com.networknt.schema.Error> validate(String schemaName, Object body) {
        // loaded by location, so that '#/components/...' references resolve against the whole document
        Schema schema = registry.getSchema(SchemaLocation.of("classpath:" + SPEC.substring(1) + "#/components/schemas/"
                + schemaName));
        return schema.validate(Json.write(body), com.networknt.schema.InputFormat.JSON);
    }

    private void assertMatches(String schemaName, Object body) {
        String json = Json.write(body);
        var errors = validate(schemaName, body);
        assertTrue(errors.isEmpty(), schemaName + ": " + errors + " in " + json);
        Set<String> documented = properties(spec.at("/components/schemas/" + schemaName));
        Set<String> written = new TreeSet<>();
        Json.mapper().valueToTree(body).fieldNames().forEachRemaining(written::add);
        written.removeAll(documented);
        assertEquals(Set.of(), written, schemaName + " writes fields openapi.yaml does not document");
    }

    /** Property names of a schema, through allOf and $ref. */
    private Set<String> properties(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        if (schema.has("$ref")) {
            return properties(spec.at(schema.get("$ref").asString().substring(1)));
        }
        schema.path("properties").propertyNames().forEach(out::add);
        for (JsonNode part : schema.path("allOf")) {
            out.addAll(properties(part));
        }
        return out;
    }

    @Test
    void indicatorAnswersMatchTheirSchema() {
        Observation a = obs("https://a", 1.1e9, "count", null);
        Observation b = obs("https://b", 1.0e9, "count", null);
        Observation c = obs("https://c", 5.0, "percent", Change.UP);
        Map<String, Object> body = written(Indicator.summarize(a, List.of(a, b, c), 3));
        body.put("asOf", "2025");
        body.put("servedBy", "127.0.0.1:8080");
        body.put("replica", "active");
        body.put("lag", 0);
        assertMatches("IndicatorAnswer", body);
    }

    @Test
    void listingPagesMatchTheirSchema() throws IOException {
        Observation a = obs("https://a", 1.1e9, "count", null);
        Observation c = obs("https://c", 5.0, "percent", Change.UP);
        List<PagePart.Item> items = PagePart.encode(List.of(Indicator.summarize(a, List.of(a, c), 2)));
        Listings.Page page = new Listings.Page(io.newsmetrics.aggregator.model.Period.parse("2025"),
                new PagePart.Merged<>(items, true), Set.of(2), 3, List.of("127.0.0.1:1 did not answer"));
        @SuppressWarnings("unchecked")
        Map<String, Object> body = Json.mapper().readValue(PagePartTest.write(page::write), LinkedHashMap.class);
        assertMatches("IndicatorPage", body);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) body.get("items")).get(0);
        assertMatches("Indicator", item);
    }

    @Test
    void historiesMatchTheirSchema() {
        List<Observation> history = List.of(obs("https://a", 1.1e9, "count", null), obs("https://b", 1.0e9, "count", null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", "china/internet-users");
        body.put("from", null);
        body.put("to", "2025");
        body.put("count", 2);
        List<Map<String, Object>> items = new ArrayList<>();
        history.forEach(o -> items.add(Views.observation(o)));
        body.put("observations", items);
        body.put("conflicts", Views.conflicts(history));
        body.put("servedBy", "127.0.0.1:8080");
        body.put("replica", "standby");
        body.put("lag", 3);
        assertMatches("History", body);
    }

    @Test
    void theCheckCatchesAWrongShape() {
        Map<String, Object> body = written(Indicator.summarize(obs("https://a", 1.0, "count", null),
                List.of(obs("https://a", 1.0, "count", null)), 1));
        body.put("value", "one");
        body.put("sourceCount", "many");
        assertEquals(2, validate("Indicator", body).size(), "a string where a number belongs is caught");
        assertEquals(1, validate("Error", Map.of("error", "not_found")).size(), "a missing required field is caught");
    }

    @Test
    void errorsMatchTheirSchema() {
        assertMatches("Error", Map.of("error", "not_found", "detail", "no indicator 'x/y'"));
    }
}
