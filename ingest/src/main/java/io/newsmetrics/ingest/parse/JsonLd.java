package io.newsmetrics.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.model.Json;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">} blocks,
 * flattened ({@code @graph}, arrays) and ranked: article types first, then web pages, then the rest.
 * Malformed blocks are skipped; pages routinely ship broken JSON-LD.
 */
final class JsonLd {
    /** Blocks longer than this are skipped: no article's metadata needs them. */
    static final int MAX_BLOCK_CHARS = 2_000_000;
    private static final int MAX_NODES = 500;

    private final List<JsonNode> articles;
    private final List<JsonNode> pages;
    private final List<JsonNode> others;

    private JsonLd(List<JsonNode> articles, List<JsonNode> pages, List<JsonNode> others) {
        this.articles = articles;
        this.pages = pages;
        this.others = others;
    }

    static JsonLd of(Document doc) {
        return of(PageIndex.of(doc));
    }

    static JsonLd of(PageIndex index) {
        List<JsonNode> articles = new ArrayList<>();
        List<JsonNode> pages = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (Element script : index.jsonLd) {
            String json = script.data().strip();
            if (json.isEmpty() || json.length() > MAX_BLOCK_CHARS) {
                continue;
            }
            JsonNode root = read(json);
            if (root == null) {
                continue;
            }
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.add(root);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < MAX_NODES) {
                JsonNode n = todo.poll();
                if (n.isArray()) {
                    n.forEach(todo::add);
                } else if (n.isObject()) {
                    if (n.has("@graph")) {
                        todo.add(n.get("@graph"));
                    }
                    String type = types(n);
                    if (type.contains("article") || type.contains("posting") || type.contains("report")) {
                        articles.add(n);
                    } else if (type.contains("webpage") || type.contains("itempage")) {
                        pages.add(n);
                        if (n.has("mainEntity")) {
                            todo.add(n.get("mainEntity"));
                        }
                    } else {
                        others.add(n);
                    }
                }
            }
        }
        return new JsonLd(articles, pages, others);
    }

    private static JsonNode read(String json) {
        String j = json;
        if (j.startsWith("<!--")) {
            j = j.substring(4);
        }
        if (j.startsWith("//<![CDATA[")) {
            j = j.substring(11);
        }
        try {
            return Json.mapper().readTree(j);
        } catch (JsonProcessingException e) {
            // Common breakage: raw newlines inside strings; a second try with them removed.
            try {
                return Json.mapper().readTree(j.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
            } catch (JsonProcessingException e2) {
                return null;
            }
        }
    }

    private static String types(JsonNode n) {
        JsonNode t = n.get("@type");
        if (t == null) {
            return "";
        }
        if (t.isArray()) {
            StringBuilder sb = new StringBuilder();
            t.forEach(x -> sb.append(x.asText()).append(' '));
            return sb.toString().toLowerCase(Locale.ROOT);
        }
        return t.asText().toLowerCase(Locale.ROOT);
    }

    /** The first text value of a field in the article objects. */
    Optional<String> article(String field) {
        return first(articles, field);
    }

    /** The first text value of a field in web page objects. */
    Optional<String> page(String field) {
        return first(pages, field);
    }

    /** The first text value of a field in objects of any other type. */
    Optional<String> other(String field) {
        return first(others, field);
    }

    /** Author names of the article objects. */
    List<String> authors() {
        List<String> out = new ArrayList<>();
        for (JsonNode a : articles) {
            JsonNode au = a.get("author");
            if (au == null) {
                au = a.get("creator");
            }
            if (au == null) {
                continue;
            }
            for (JsonNode x : au.isArray() ? au : List.of(au)) {
                String name = x.isTextual() ? x.asText() : x.path("name").asText("");
                if (!name.isBlank() && !out.contains(name.strip())) {
                    out.add(name.strip());
                }
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    /** The publisher's name of the article objects. */
    Optional<String> publisherName() {
        for (JsonNode a : articles) {
            String name = a.path("publisher").path("name").asText("");
            if (!name.isBlank()) {
                return Optional.of(name.strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> first(List<JsonNode> nodes, String field) {
        for (JsonNode n : nodes) {
            JsonNode v = n.get(field);
            if (v != null && v.isArray() && !v.isEmpty()) {
                v = v.get(0);
            }
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return Optional.of(v.asText().strip());
            }
        }
        return Optional.empty();
    }
}
