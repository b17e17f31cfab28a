package io.newsmetrics.model;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSerdeTest {
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    @Test
    void shouldRoundTripARecord() {
        Article article = new Article("https://a.example/x", null, "T", "2025-07-25", null, List.of("A. Writer"),
                "en", "Site", "D", "Body.");
        byte[] bytes = serde.serialize("articles", article);
        Article back = serde.deserialize("articles", bytes);
        assertEquals(article, back);
        assertEquals("https://a.example/x", back.canonicalUrl(), "canonical URL defaults to the URL");
    }

    @Test
    void shouldPassNullsThrough() {
        assertNull(serde.serialize("articles", null));
        assertNull(serde.deserialize("articles", null));
    }

    @Test
    void shouldNameTheTopicWhenBytesAreNotJson() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> serde.deserialize("articles", "{not json".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("articles"), e.getMessage());
        assertTrue(e.getMessage().contains("Article"), e.getMessage());
    }

    @Test
    void shouldRejectARecordMissingARequiredField() {
        assertThrows(SerializationException.class,
                () -> serde.deserialize("articles", "{\"title\":\"no url\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shouldIgnoreFieldsAddedByNewerWriters() {
        Article a = serde.deserialize("articles",
                "{\"url\":\"https://a.example/x\",\"text\":\"t\",\"futureField\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals("t", a.text());
    }
}
