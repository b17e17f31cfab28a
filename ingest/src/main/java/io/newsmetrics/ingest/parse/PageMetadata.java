package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Title, canonical URL, authors, language, site name and description of a page, each from the
 * most explicit source first: JSON-LD, then Open Graph / Twitter / Dublin Core meta, then markup.
 */
final class PageMetadata {
    private static final Pattern BY = Pattern.compile("(?i)^\\s*(by|von|por|par|di|door|av|af|от)\\s+");
    private static final Pattern LANG = Pattern.compile("(?i)^([a-z]{2})([_-].*)?$");
    private static final int MAX_AUTHOR_CHARS = 100;
    private static final int MAX_AUTHORS = 5;
    private static final int MAX_TITLE_CHARS = 300;

    private PageMetadata() {
    }

    static Optional<String> title(Document doc, MetaTags meta, JsonLd ld) {
        Optional<String> t = ld.article("headline").or(() -> meta.first("og:title", "twitter:title", "dc.title"));
        if (t.isPresent()) {
            return t.map(BoundedText::collapse);
        }
        Element h1 = doc.selectFirst("h1");
        String headline = h1 == null ? null : BoundedText.of(h1, MAX_TITLE_CHARS);
        if (headline != null && !headline.isBlank()) {
            return Optional.of(BoundedText.collapse(headline));
        }
        String title = doc.title();
        if (title.isBlank()) {
            return Optional.empty();
        }
        // "Headline | Site" and "Headline - Site": keep the longest part.
        String best = title;
        String[] parts = title.split("\\s+[|\\-–—»]\\s+");
        if (parts.length > 1) {
            best = parts[0];
            for (String p : parts) {
                if (p.length() > best.length()) {
                    best = p;
                }
            }
        }
        return Optional.of(BoundedText.collapse(best));
    }

    static Optional<String> canonical(Document doc, MetaTags meta) {
        return canonical(PageIndex.of(doc), meta);
    }

    static Optional<String> canonical(PageIndex index, MetaTags meta) {
        for (Element link : index.links) {
            if (link.attr("rel").equalsIgnoreCase("canonical") && !link.absUrl("href").isBlank()) {
                return Optional.of(link.absUrl("href"));
            }
        }
        return meta.get("og:url").filter(u -> u.startsWith("http"));
    }

    static List<String> authors(Document doc, MetaTags meta, JsonLd ld) {
        return authors(PageIndex.of(doc), meta, ld);
    }

    static List<String> authors(PageIndex index, MetaTags meta, JsonLd ld) {
        Document doc = index.doc;
        List<String> out = new ArrayList<>();
        for (String a : ld.authors()) {
            addAuthor(out, a);
        }
        if (out.isEmpty()) {
            meta.first("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                    "dcterms.creator", "byl").ifPresent(a -> {
                        for (String part : a.split("\\s*(,|;|\\band\\b|&)\\s*")) {
                            addAuthor(out, part);
                        }
                    });
        }
        if (out.isEmpty()) {
            for (Element e : index.itemprops) {
                if (e.attr("itemprop").equalsIgnoreCase("author") && out.size() < MAX_AUTHORS) {
                    Element name = e.getElementsByAttributeValue("itemprop", "name").first();
                    Element from = name == null ? e : name;
                    addAuthor(out, from.hasAttr("content") ? from.attr("content") : BoundedText.of(from, MAX_AUTHOR_CHARS));
                }
            }
        }
        if (out.isEmpty()) {
            for (Element e : doc.getElementsByAttributeValue("rel", "author")) {
                if (out.size() < MAX_AUTHORS) {
                    addAuthor(out, BoundedText.of(e, MAX_AUTHOR_CHARS));
                }
            }
        }
        return out;
    }

    private static void addAuthor(List<String> out, String raw) {
        if (raw == null) {
            return;
        }
        String a = BY.matcher(BoundedText.collapse(raw)).replaceFirst("").strip();
        if (a.isEmpty() || a.length() > MAX_AUTHOR_CHARS || a.startsWith("http") || a.contains("@")
                || out.contains(a)) {
            return;
        }
        out.add(a);
    }

    static Optional<String> language(Document doc, MetaTags meta) {
        Element html = doc.firstElementChild();
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank()) {
            lang = meta.first("content-language", "og:locale", "dc.language", "language").orElse("");
        }
        var m = LANG.matcher(lang.strip());
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    static Optional<String> siteName(MetaTags meta, JsonLd ld) {
        return meta.first("og:site_name", "application-name", "twitter:site").or(ld::publisherName)
                .map(BoundedText::collapse);
    }

    static Optional<String> description(MetaTags meta, JsonLd ld) {
        return meta.first("og:description", "description", "twitter:description", "dc.description")
                .or(() -> ld.article("description")).map(BoundedText::collapse);
    }
}
