package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds when a page was first published, and when it was last modified.
 *
 * <p>Sources in order of trust; the first that yields a plausible date wins:
 * <ol>
 *   <li><b>url</b>: a full date in the URL path ({@code /2019/11/20/}, {@code /2019-11-20/},
 *       {@code /20191120/}) of the fetched address. It is set when the article is created, in the
 *       site's own time zone, and never changes;</li>
 *   <li><b>meta / json-ld</b>: meta tags that name a publication date ({@link #META_KEYS}: Open
 *       Graph / article {@code article:published_time}, {@code itemprop=datePublished}, Dublin
 *       Core, Parse.ly, Sailthru, {@code pubdate}, {@code date}...) and JSON-LD
 *       {@code datePublished} / {@code dateCreated} of an article, then a web page. Meta comes
 *       first, except that a value written with the site's own UTC offset beats a UTC time stamp,
 *       whose day can differ from the local day;</li>
 *   <li><b>markup</b>: elements with {@code itemprop=datePublished}, {@code <time pubdate>} or a
 *       {@code <time>} marked as published, then any {@code <time datetime>} not marked as an
 *       update, then a time stamp element's epoch attribute ({@code data-time}, {@code data-utime},
 *       ...), which is exact where the text beside it is rendered in the server's zone;</li>
 *   <li><b>byline</b>: text of elements whose class or id speaks of a date, a publication or a
 *       byline (not the masthead's date of "today");</li>
 *   <li><b>headline</b>: the latest date in the text just after the {@code <h1>} (captions and
 *       references there name earlier days), tiny inline date-printing scripts included;</li>
 *   <li><b>text</b>: the first date in the page's visible text, navigation, captions and footers
 *       left out.</li>
 * </ol>
 * Keys, elements and phrases about modification ({@code dateModified},
 * {@code article:modified_time}, "Updated ...") are read only for {@link #modified}; they never
 * stand in for a publication date. Dates after the reference day of {@link DateText} (tomorrow)
 * and before 1995 are ignored.
 *
 * <p>A UTC time stamp, whichever rule found it, is written in the time zone the page declares for
 * its site ({@code "timezone":"America/New_York"} in a configuration script) when it declares
 * exactly one: the publication day is the newsroom's calendar day. Values written with their own
 * offset keep it.
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
    /** Meta keys that name a modification date. */
    static final List<String> MODIFIED_META_KEYS = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "dc.date.modified",
            "last-modified", "lastmod", "article.updated");

    private static final Pattern DATE_CLASS = Pattern.compile(
            "(?i)date|time|publi|posted|submitted|parution|byline|dateline|meta|fecha|datum|subline|tagline|author|info");
    /** Classes of elements whose dates are not the article's: captions, lists, and the masthead's "today". */
    private static final Pattern NOT_DATE_CLASS = Pattern.compile(
            "(?i)caption|credit|comment|related|widget|nav|menu|(?<![a-z])today(?![a-z])|current-?date|date-?today");
    private static final Pattern PUBLISHED_CLASS = Pattern.compile("(?i)publish|posted|created");
    private static final Pattern UPDATE_WORDS = Pattern.compile(
            "(?i)updat|modifi|actualiz|aktualisiert|mis à jour|atualiz|aggiorn|обновл|editado|edited|last changed");
    private static final Pattern UTC = Pattern.compile("(Z|[+-]00:?00)$");
    private static final Set<String> SKIP_TEXT_OF = Set.of("script", "style", "noscript", "template", "nav",
            "figure", "figcaption", "aside", "button", "select", "svg", "footer");
    private static final int MAX_BYLINE_ELEMENTS = 200;
    private static final int MAX_BYLINE_CHARS = 300;
    private static final int AFTER_HEADLINE_CHARS = 600;
    private static final int PAGE_TEXT_CHARS = 3_000;
    private static final int INLINE_SCRIPT_CHARS = 120;
    /** Attributes that hold a time stamp's epoch seconds or milliseconds. */
    private static final List<String> EPOCH_ATTRIBUTE_NAMES = List.of("data-time", "data-time-ms", "data-utime",
            "data-timestamp");
    private static final String EPOCH_ATTRIBUTES = "[data-time], [data-time-ms], [data-utime], [data-timestamp]";
    /** The usual spellings of a time-zone key after its first letter ({@code timezone}, {@code TimeZone}...). */
    private static final List<String> ZONE_KEYS = List.of("imezone", "imeZone", "ime_zone", "IMEZONE");
    private static final int ZONE_DECLARATION_CHARS = 200;
    /** {@code timezone: "Europe/Paris"}, {@code "timeZone":{"short":"ET","long":"America/New_York"}}. */
    private static final Pattern ZONE_DECLARATION = Pattern.compile(
            "(?i)time_?zone[\\\\\"']*\\s*[:=]\\s*(?:\\{[^{}]{0,80}?)?[\\\\\"']+([A-Za-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?)[\\\\\"']");
    private static final Pattern IANA_ZONE = Pattern.compile(
            "(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(/[A-Za-z_]+)?");
    private static final int MAX_ZONE_SCRIPTS = 100;
    private static final int MAX_ZONE_SCRIPT_CHARS = 500_000;

    /** A date and the rule that found it ({@code url}, {@code meta}, {@code json-ld}, ...). */
    record Found(String date, String source) {
    }

    private final DateText dates;

    PublicationDates(DateText dates) {
        this.dates = Objects.requireNonNull(dates, "dates");
    }

    /** The publication date, ISO date or date-time, with the rule that found it. */
    Optional<Found> published(Document doc, String url, MetaTags meta, JsonLd ld) {
        return published(PageIndex.of(doc), url, meta, ld);
    }

    /** The publication date, reading markup from an index built once per page. */
    Optional<Found> published(PageIndex index, String url, MetaTags meta, JsonLd ld) {
        // Order of trust (class Javadoc): url > meta / json-ld (local offset beats UTC) > markup
        // > byline > headline > text. Modification dates are never read here.
        Optional<Found> declared = fromMetaOrJsonLd(meta, ld).map(f -> inDeclaredZone(f, index.doc, meta));
        // Only the fetched address: a canonical link's date disagreed with the page's own UTC stamp on
        // evening stories, and moved periods resolved against the day (measured on the metrics gold).
        Optional<LocalDate> fromUrl = dates.fromUrl(url);
        if (fromUrl.isPresent()) {
            // The URL names the day; a declared time stamp of that same day adds the time.
            String day = fromUrl.get().toString();
            return declared.filter(f -> f.date().startsWith(day)).or(() -> Optional.of(new Found(day, "url")));
        }
        if (declared.isPresent()) {
            return declared;
        }
        return fromPage(index).map(f -> inDeclaredZone(f, index.doc, meta));
    }

    /**
     * A UTC time stamp expressed in the time zone the page declares for its site, when it declares
     * exactly one: a newsroom dates its stories by its own calendar day, and an evening story's UTC
     * stamp falls on the next day.
     */
    private static Found inDeclaredZone(Found f, Document doc, MetaTags meta) {
        if (!isUtc(f.date())) {
            return f;
        }
        Optional<ZoneId> zone = declaredZone(doc, meta);
        if (zone.isEmpty()) {
            return f;
        }
        try {
            String local = OffsetDateTime.parse(f.date()).atZoneSameInstant(zone.get()).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return new Found(local, f.source());
        } catch (DateTimeException e) {
            return f;
        }
    }

    /**
     * The IANA time zone a page declares for its site ({@code "timezone":"America/New_York"} in its
     * configuration scripts, or a {@code timezone} meta tag), when all declarations agree.
     */
    private static Optional<ZoneId> declaredZone(Document doc, MetaTags meta) {
        Set<ZoneId> zones = new HashSet<>();
        meta.first("timezone", "time-zone", "time_zone").ifPresent(v -> addZone(zones, v.strip()));
        int looked = 0;
        for (Element script : doc.getElementsByTag("script")) {
            if (++looked > MAX_ZONE_SCRIPTS) {
                break;
            }
            for (Node child : script.childNodes()) {
                if (child instanceof DataNode data) {
                    addDeclaredZones(zones, data.getWholeData());
                }
            }
        }
        return zones.size() == 1 ? Optional.of(zones.iterator().next()) : Optional.empty();
    }

    private static void addDeclaredZones(Set<ZoneId> zones, String script) {
        int limit = Math.min(script.length(), MAX_ZONE_SCRIPT_CHARS);
        // Plain searches for the key's usual spellings first: a case-insensitive regex over every
        // script of a page is slow.
        for (String key : ZONE_KEYS) {
            for (int at = script.indexOf(key, 1); at >= 1 && at < limit; at = script.indexOf(key, at + key.length())) {
                Matcher m = ZONE_DECLARATION.matcher(script).region(at - 1, Math.min(limit, at + ZONE_DECLARATION_CHARS));
                if (m.lookingAt()) {
                    addZone(zones, m.group(1));
                }
            }
        }
    }

    private static void addZone(Set<ZoneId> zones, String id) {
        if (!IANA_ZONE.matcher(id).matches()) {
            return;
        }
        try {
            zones.add(ZoneId.of(id));
        } catch (DateTimeException e) {
            // not a zone this JDK knows: no declaration
        }
    }

    /** The publication date that meta tags or JSON-LD declare; a local offset beats a UTC stamp. */
    private Optional<Found> fromMetaOrJsonLd(MetaTags meta, JsonLd ld) {
        Optional<String> fromMeta = Optional.empty();
        for (String key : META_KEYS) {
            fromMeta = value(meta.get(key));
            if (fromMeta.isPresent()) {
                break;
            }
        }
        Optional<String> fromLd = value(ld.article("datePublished"))
                .or(() -> value(ld.article("dateCreated")))
                .or(() -> value(ld.page("datePublished")))
                .or(() -> value(ld.other("datePublished")));
        if (fromMeta.isPresent() && fromLd.isPresent() && isUtc(fromMeta.get()) && hasLocalOffset(fromLd.get())) {
            return Optional.of(new Found(fromLd.get(), "json-ld"));
        }
        if (fromMeta.isPresent()) {
            return Optional.of(new Found(fromMeta.get(), "meta"));
        }
        return fromLd.map(d -> new Found(d, "json-ld"));
    }

    /** The publication date written in the page's markup and text: markup, byline, headline, text. */
    private Optional<Found> fromPage(PageIndex index) {
        Document doc = index.doc;
        Optional<String> d = fromMarkup(index);
        if (d.isPresent()) {
            return Optional.of(new Found(d.get(), "markup"));
        }
        Optional<LocalDate> text = fromBylines(doc);
        if (text.isPresent()) {
            return Optional.of(new Found(text.get().toString(), "byline"));
        }
        Optional<LocalDate> headline = afterHeadline(doc);
        if (headline.isPresent()) {
            return Optional.of(new Found(headline.get().toString(), "headline"));
        }
        return doc.body() == null ? Optional.empty()
                : textFrom(doc.body(), PAGE_TEXT_CHARS, false).map(x -> new Found(x.toString(), "text"));
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

    private static boolean isUtc(String isoValue) {
        return isoValue.length() > 10 && UTC.matcher(isoValue).find();
    }

    private static boolean hasLocalOffset(String isoValue) {
        return isoValue.length() > 10 && !UTC.matcher(isoValue).find() && isoValue.matches(".*[+-]\\d{2}:\\d{2}$");
    }

    private Optional<String> value(Optional<String> raw) {
        return raw.flatMap(dates::parseValue);
    }

    private Optional<String> fromMarkup(PageIndex index) {
        for (Element e : index.itemprops) {
            String prop = e.attr("itemprop");
            if (prop.equalsIgnoreCase("datePublished") || prop.equalsIgnoreCase("dateCreated")) {
                Optional<String> d = attrOrText(e);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        List<Element> times = index.times;
        for (Element t : times) {
            Element parent = t.parent();
            if (t.hasAttr("pubdate") || PUBLISHED_CLASS.matcher(t.className() + " "
                    + (parent == null ? "" : parent.className())).find()) {
                Optional<String> d = attrOrText(t);
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        for (Element t : times) {
            if (isUpdate(t) || t.parent() != null && isUpdate(t.parent()) || !t.hasAttr("datetime")) {
                continue;
            }
            Optional<String> d = dates.parseValue(t.attr("datetime"));
            if (d.isPresent()) {
                return d;
            }
        }
        return epochStamp(index.doc);
    }

    /**
     * The first time stamp element carrying epoch time ({@code <span class="timestamp"
     * data-time="1594448702">Jul 10</span>}, Facebook's {@code data-utime}): the attribute is the
     * exact instant, the text beside it is rendered in the server's or viewer's zone.
     */
    private Optional<String> epochStamp(Document doc) {
        for (Element e : doc.select(EPOCH_ATTRIBUTES)) {
            // Its own class or its parent's names a date or time; its own is not that of a caption or list.
            Element parent = e.parent();
            String own = e.className() + " " + e.id();
            if (!DATE_CLASS.matcher(own + " " + (parent == null ? "" : parent.className())).find()
                    || NOT_DATE_CLASS.matcher(own).find() || isUpdate(e) || parent != null && isUpdate(parent)) {
                continue;
            }
            for (String a : EPOCH_ATTRIBUTE_NAMES) {
                Optional<String> d = dates.parseEpoch(e.attr(a));
                if (d.isPresent()) {
                    return d;
                }
            }
        }
        return Optional.empty();
    }

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
        String text = BoundedText.of(e, MAX_BYLINE_CHARS);
        return text == null ? Optional.empty() : dates.find(text).map(LocalDate::toString);
    }

    private Optional<LocalDate> fromBylines(Document doc) {
        if (doc.body() == null) {
            return Optional.empty();
        }
        int looked = 0;
        for (Element e : doc.body().getAllElements()) {
            String marks = e.className() + " " + e.id();
            if (marks.length() < 3 || !DATE_CLASS.matcher(marks).find() || NOT_DATE_CLASS.matcher(marks).find()) {
                continue;
            }
            if (++looked > MAX_BYLINE_ELEMENTS) {
                break;
            }
            String text = BoundedText.of(e, MAX_BYLINE_CHARS);
            if (text == null || text.length() < 6) {
                continue;
            }
            Optional<LocalDate> d = publishedIn(text);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** The first date in the text just after the page's first headline, where bylines stand. */
    private Optional<LocalDate> afterHeadline(Document doc) {
        Element h1 = doc.body() == null ? null : doc.body().selectFirst("h1");
        if (h1 == null) {
            return Optional.empty();
        }
        return textFrom(following(h1), AFTER_HEADLINE_CHARS, true);
    }

    /**
     * A date in the visible text from node {@code start} on, up to {@code limit} chars: the latest
     * one (byline area, where captions name older days) or the first.
     */
    private Optional<LocalDate> textFrom(Node start, int limit, boolean latest) {
        StringBuilder text = new StringBuilder();
        Node n = start;
        while (n != null && text.length() < limit) {
            if (n instanceof TextNode t) {
                // Only what fits: a text node can hold megabytes, and the date search reads it whole.
                String whole = t.getWholeText();
                int room = 2 * (limit - text.length());
                text.append(BoundedText.collapse(whole.length() > room ? whole.substring(0, room) : whole))
                        .append(' ');
                n = following(n);
            } else if (n instanceof Element e && e.normalName().equals("script") && !e.hasAttr("src")
                    && e.data().length() < INLINE_SCRIPT_CHARS) {
                // Older CMSs print the date with a tiny inline script: showDate("2020/04/17 01:43").
                text.append(e.data()).append(' ');
                n = following(n);
            } else if (n instanceof Element e && (SKIP_TEXT_OF.contains(e.normalName())
                    || NOT_DATE_CLASS.matcher(e.className()).find())) {
                n = following(n);
            } else {
                n = n.childNodeSize() > 0 ? n.childNode(0) : following(n);
            }
        }
        return publishedIn(text.toString(), latest);
    }

    /** The next node in document order that is not inside {@code n}. */
    private static Node following(Node n) {
        Node up = n;
        while (up != null && up.nextSibling() == null) {
            up = up.parent();
        }
        return up == null ? null : up.nextSibling();
    }

    /** A date in byline text; when an update is announced, only the text before it counts. */
    private Optional<LocalDate> publishedIn(String text) {
        return publishedIn(text, false);
    }

    private Optional<LocalDate> publishedIn(String text, boolean latest) {
        String t = text;
        Matcher up = UPDATE_WORDS.matcher(text);
        if (up.find()) {
            // "Published Nov 20, 2019 | Updated Nov 21": read only before the update mark.
            t = text.substring(0, up.start());
        }
        return latest ? dates.findLatest(t) : dates.find(t);
    }
}
