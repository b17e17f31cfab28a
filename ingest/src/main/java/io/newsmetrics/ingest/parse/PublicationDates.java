package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds when a page was first published, and when it was last modified.
 *
 * <p>Sources in order of trust; the first that yields a plausible date wins:
 * <ol>
 *   <li>JSON-LD {@code datePublished} (then {@code dateCreated}) of an article object, then of a
 *       web page object;</li>
 *   <li>meta tags that name a publication date: Open Graph / article
 *       ({@code article:published_time}), {@code itemprop=datePublished}, Dublin Core
 *       ({@code dc.date.issued}, {@code dcterms.created}, {@code dc.date}), Parse.ly, Sailthru,
 *       {@code pubdate}, {@code publishdate}, {@code date} and relatives ({@link #META_KEYS});</li>
 *   <li>markup elements: {@code itemprop=datePublished}, {@code <time pubdate>}, and
 *       {@code <time datetime>} not marked as an update;</li>
 *   <li>a full date in the URL path ({@code /2019/11/20/}, {@code /20191120/});</li>
 *   <li>byline text: elements whose class or id speaks of a date, publication or byline, and
 *       phrases like "Published November 20, 2019";</li>
 *   <li>a year-month URL pattern is not used: it cannot give a day.</li>
 * </ol>
 * Keys and elements about modification ({@code dateModified}, {@code article:modified_time},
 * "Updated") are read only for {@link #modified}; they never stand in for a publication date.
 * Dates after the reference day of {@link DateText} (tomorrow) and before 1995 are ignored.
 */
final class PublicationDates {
    /** Meta keys that name a publication date, most specific first. */
    static final List<String> META_KEYS = List.of(
            "article:published_time", "og:article:published_time", "og:published_time", "article:published",
            "datepublished", "article.published", "published_time", "published-date", "published_date",
            "publishdate", "publish-date", "publish_date", "pubdate", "og:pubdate", "rnews:datepublished",
            "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
            "citation_publication_date", "citation_date", "prism.publicationdate", "parsely-pub-date",
            "sailthru.date", "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate",
            "original-publish-date", "publication_date", "pub_date", "datecreated", "creation_date", "date",
            "displaydate", "dc.created", "bt:pubdate", "article.created", "content_date", "release_date");
    static final List<String> MODIFIED_META_KEYS = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
            "last-modified", "lastmod", "article.updated");

    private static final Pattern DATE_CLASS = Pattern.compile(
            "(?i)date|time|publi|posted|byline|dateline|meta|info|fecha|datum|data|subline|author");
    private static final Pattern UPDATE_WORDS = Pattern.compile(
            "(?i)updat|modifi|actualiz|aktualisiert|mis à jour|atualiz|aggiorn|обновл|editado|edited|last changed");
    private static final Pattern PUBLISH_WORDS = Pattern.compile(
            "(?i)(published|posted|publicado|publié|veröffentlicht|pubblicato|опубликовано|gepubliceerd|publicat|on)\\s*(on|em|le|am|el|il|:)?\\s*:?\\s*$");
    private static final int MAX_BYLINE_ELEMENTS = 200;
    private static final int MAX_BYLINE_CHARS = 300;

    private final DateText dates;

    PublicationDates(DateText dates) {
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /** The publication date, ISO date or date-time. */
    Optional<String> published(Document doc, String url, MetaTags meta, JsonLd ld) {
        Optional<String> d = value(ld.article("datePublished"))
                .or(() -> value(ld.article("dateCreated")))
                .or(() -> value(ld.page("datePublished")))
                .or(() -> value(ld.other("datePublished")));
        if (d.isPresent()) {
            return d;
        }
        for (String key : META_KEYS) {
            d = value(meta.get(key));
            if (d.isPresent()) {
                return d;
            }
        }
        d = fromMarkup(doc);
        if (d.isPresent()) {
            return d;
        }
        Optional<LocalDate> fromUrl = dates.fromUrl(url);
        if (fromUrl.isPresent()) {
            return fromUrl.map(LocalDate::toString);
        }
        return fromBylines(doc).map(LocalDate::toString);
    }

    /** The last modification date, ISO date or date-time. */
    Optional<String> modified(MetaTags meta, JsonLd ld) {
        Optional<String> d = value(ld.article("dateModified")).or(() -> value(ld.page("dateModified")));
        if (d.isPresent()) {
            return d;
        }
        for (String key : MODIFIED_META_KEYS) {
            d = value(meta.get(key));
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    private Optional<String> value(Optional<String> raw) {
        return raw.flatMap(dates::parseValue);
    }

    private Optional<String> fromMarkup(Document doc) {
        for (Element e : doc.select("[itemprop=datePublished], [itemprop=dateCreated]")) {
            Optional<String> d = attrOrText(e);
            if (d.isPresent()) {
                return d;
            }
        }
        Elements times = doc.getElementsByTag("time");
        for (Element t : times) {
            if (t.hasAttr("pubdate") || DATE_CLASS_PUBLISHED.matcher(t.className() + " " + t.parent().className()).find()) {
                Optional<String> d = attrOrText(t);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        for (Element t : times) {
            if (isUpdate(t) || t.parent() != null && isUpdate(t.parent())) {
                continue;
            }
            if (t.hasAttr("datetime")) {
                Optional<String> d = dates.parseValue(t.attr("datetime"));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

    private static final Pattern DATE_CLASS_PUBLISHED = Pattern.compile("(?i)publish|posted|created");

    private static boolean isUpdate(Element e) {
        String marks = e.className() + " " + e.id() + " " + e.attr("itemprop");
        return UPDATE_WORDS.matcher(marks).find() || e.ownText().length() < 40 && UPDATE_WORDS.matcher(e.ownText()).find();
    }

    private Optional<String> attrOrText(Element e) {
        for (String a : new String[]{"datetime", "content", "title", "data-date"}) {
            if (e.hasAttr(a)) {
                Optional<String> d = dates.parseValue(e.attr(a));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return dates.find(e.text()).map(LocalDate::toString);
    }

    private Optional<LocalDate> fromBylines(Document doc) {
        int looked = 0;
        for (Element e : doc.body() == null ? new Elements() : doc.body().getAllElements()) {
            String marks = e.className() + " " + e.id();
            if (marks.isBlank() || !DATE_CLASS.matcher(marks).find()) {
                continue;
            }
            if (++looked > MAX_BYLINE_ELEMENTS) {
                break;
            }
            String text = e.text();
            if (text.length() > MAX_BYLINE_CHARS || text.length() < 6) {
                continue;
            }
            Optional<LocalDate> d = publishedIn(text);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** A date in byline text, skipping one announced as an update when another is given. */
    private Optional<LocalDate> publishedIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher up = UPDATE_WORDS.matcher(lower);
        if (up.find()) {
            // "Published Nov 20, 2019 | Updated Nov 21": read only before the update mark.
            String before = text.substring(0, up.start());
            Optional<LocalDate> d = dates.find(before);
            return d;
        }
        return dates.find(text);
    }
}
