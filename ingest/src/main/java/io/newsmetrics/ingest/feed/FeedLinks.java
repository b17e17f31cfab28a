package io.newsmetrics.ingest.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The article links of a feed document: RSS and Atom (ROME), XML sitemaps including Google News sitemaps, and
 * sitemap indexes (crawler-commons). Doctypes are refused (no external entities).
 */
public final class FeedLinks {
    /** Most links taken from one document. */
    public static final int MAX_LINKS = 5_000;
    /** Most child sitemaps taken from one index. */
    public static final int MAX_CHILD_SITEMAPS = 50;

    /**
     * What a document links to.
     *
     * @param kind      {@code rss/atom}, {@code sitemap} or {@code sitemap-index}
     * @param links     article URLs (absolute http/https), in document order, without duplicates
     * @param sitemaps  child sitemaps of an index
     */
    public record Parsed(String kind, List<String> links, List<String> sitemaps) {
    }

    private FeedLinks() {
    }

    /**
     * Parses a fetched document.
     *
     * @param body        the bytes
     * @param contentType the Content-Type header or null
     * @param url         where it came from (relative links resolve against it)
     * @throws IllegalArgumentException when it is neither a feed nor a sitemap
     */
    public static Parsed parse(byte[] body, String contentType, String url) {
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<urlset") || head.contains("<sitemapindex")) {
            return sitemap(body, contentType, url);
        }
        return feed(body, url);
    }

    private static Parsed feed(byte[] body, String url) {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an RSS/Atom feed or sitemap: " + e.getMessage(), e);
        }
        Set<String> links = new LinkedHashSet<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = entry.getLink();
            if (link == null || link.isBlank()) {
                for (SyndLink l : entry.getLinks()) {
                    if (l.getRel() == null || "alternate".equals(l.getRel())) {
                        link = l.getHref();
                        break;
                    }
                }
            }
            if ((link == null || link.isBlank()) && entry.getUri() != null && entry.getUri().startsWith("http")) {
                link = entry.getUri(); // RSS guid used as a permalink
            }
            add(links, url, link);
            if (links.size() >= MAX_LINKS) {
                break;
            }
        }
        return new Parsed("rss/atom", List.copyOf(links), List.of());
    }

    private static Parsed sitemap(byte[] body, String contentType, String url) {
        SiteMapParser parser = new SiteMapParser(false);
        AbstractSiteMap map;
        try {
            String type = contentType == null ? "application/xml" : contentType;
            map = parser.parseSiteMap(type, body, new URL(url));
        } catch (UnknownFormatException | IOException e) {
            throw new IllegalArgumentException("unreadable sitemap: " + e.getMessage(), e);
        }
        if (map.isIndex()) {
            List<String> children = new ArrayList<>();
            for (AbstractSiteMap child : ((SiteMapIndex) map).getSitemaps()) {
                if (children.size() >= MAX_CHILD_SITEMAPS) {
                    break;
                }
                String u = child.getUrl().toString();
                if (isHttp(u)) {
                    children.add(u);
                }
            }
            return new Parsed("sitemap-index", List.of(), List.copyOf(children));
        }
        Set<String> links = new LinkedHashSet<>();
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            add(links, url, u.getUrl().toString());
            if (links.size() >= MAX_LINKS) {
                break;
            }
        }
        return new Parsed("sitemap", List.copyOf(links), List.of());
    }

    private static void add(Set<String> links, String base, String link) {
        if (link == null || link.isBlank()) {
            return;
        }
        try {
            String abs = URI.create(base).resolve(link.strip()).toString();
            if (isHttp(abs)) {
                links.add(abs);
            }
        } catch (IllegalArgumentException e) {
            // a malformed link in a feed is skipped; the rest of the feed still counts
        }
    }

    private static boolean isHttp(String u) {
        String l = u.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

}
