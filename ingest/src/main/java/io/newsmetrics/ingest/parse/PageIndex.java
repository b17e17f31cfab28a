package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The elements metadata extraction reads, collected in one walk over the document instead of one
 * query per field: {@code <meta>}, {@code <link>}, JSON-LD scripts, {@code <time>} and elements
 * with {@code itemprop}. Lists are in document order.
 */
final class PageIndex {
    final Document doc;
    final List<Element> metas = new ArrayList<>();
    final List<Element> links = new ArrayList<>();
    final List<Element> jsonLd = new ArrayList<>();
    final List<Element> times = new ArrayList<>();
    final List<Element> itemprops = new ArrayList<>();

    private PageIndex(Document doc) {
        this.doc = doc;
    }

    static PageIndex of(Document doc) {
        PageIndex index = new PageIndex(doc);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    index.add(e);
                }
            }
        }, doc);
        return index;
    }

    private void add(Element e) {
        switch (e.normalName()) {
            case "meta" -> metas.add(e);
            case "link" -> links.add(e);
            case "time" -> times.add(e);
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(e);
                }
            }
            default -> {
            }
        }
        if (e.attributesSize() > 0 && e.hasAttr("itemprop")) {
            itemprops.add(e);
        }
    }
}
