package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A page's {@code <meta>} values by lower-cased {@code name}, {@code property}, {@code itemprop}
 * or {@code http-equiv}; the first occurrence of a key wins, as browsers and crawlers read them.
 */
final class MetaTags {
    private static final int MAX_VALUE_CHARS = 10_000;
    private final Map<String, String> values;

    private MetaTags(Map<String, String> values) {
        this.values = values;
    }

    static MetaTags of(Document doc) {
        return of(PageIndex.of(doc));
    }

    static MetaTags of(PageIndex index) {
        Map<String, String> values = new HashMap<>();
        for (Element meta : index.metas) {
            String content = meta.hasAttr("content") ? meta.attr("content")
                    : meta.hasAttr("value") ? meta.attr("value") : meta.attr("datetime");
            if (content.isBlank() || content.length() > MAX_VALUE_CHARS) {
                continue;
            }
            for (String attr : new String[]{"name", "property", "itemprop", "http-equiv"}) {
                String key = meta.attr(attr);
                if (!key.isBlank()) {
                    // A property may list several keys ("og:title twitter:title").
                    for (String k : key.strip().split("\\s+")) {
                        values.putIfAbsent(k.toLowerCase(Locale.ROOT), content.strip());
                    }
                }
            }
        }
        return new MetaTags(values);
    }

    /** The value of the first of the keys present. */
    Optional<String> first(String... keys) {
        for (String k : keys) {
            String v = values.get(k);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The value of one key. */
    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
