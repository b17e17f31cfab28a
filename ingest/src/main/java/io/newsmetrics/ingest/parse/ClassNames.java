package io.newsmetrics.ingest.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a page's class and id names say about an element: article container, boilerplate
 * (weakly or strongly), or nothing. General vocabulary only, in English as sites write their CSS.
 *
 * <p>Each class/id token is judged alone, so that {@code "article-body share-tools"} keeps the
 * body while a {@code "share-tools"} element inside it is boilerplate. A token with an article
 * word and no boilerplate word vetoes the rest. Not thread-safe: it caches verdicts per page.
 */
final class ClassNames {
    /** What class and id names say about an element. */
    enum Verdict { ARTICLE, NEUTRAL, WEAK_BOILERPLATE, STRONG_BOILERPLATE }

    /** Words (between {@code -}/{@code _}) naming boilerplate that is never article text. */
    private static final Set<String> STRONG = Set.of("comment", "comments", "commentlist", "disqus", "share",
            "sharing", "sharebar", "social", "related", "newsletter", "cookie", "cookies", "consent", "gdpr",
            "ad", "ads", "adslot", "adunit", "outbrain", "taboola", "footer", "caption", "byline", "tags", "tag",
            "readmore", "meta", "author", "dateline", "timestamp", "breadcrumb", "breadcrumbs", "signup",
            "popular", "trending", "recommended", "disclaimer", "copyright", "toolbar", "pagination", "pager");
    /** Words whose presence suggests boilerplate, but which sites also put on article wrappers. */
    private static final Set<String> WEAK = Set.of("sidebar", "masthead", "menu", "nav", "navbar", "navigation",
            "widget", "popup", "modal", "overlay", "credit", "credits", "bio", "skip", "hero", "header", "topbar",
            "bottom", "pullquote", "callout", "alert", "notice", "cta", "rail", "aside", "infobox", "factbox",
            "extra", "supplemental", "shoutbox", "remark", "replies", "rss", "sticky", "flyout", "dropdown",
            "tooltip", "banner", "login", "jump", "rating", "reactions", "donate", "teaser", "carousel",
            "slideshow", "gallery", "player", "whatsapp", "excerpt", "archive",
            "print", "email", "contributor", "legal", "correction", "toc", "crumbs", "paywall", "regwall",
            "meter", "ticker", "sronly", "sr", "hidden", "visuallyhidden", "screenreadertext", "subscription");
    /** Word beginnings of strong boilerplate ({@code shareBar}, {@code promoted}, {@code subscribe}). */
    private static final List<String> STRONG_PREFIXES = List.of("share", "social", "newsletter", "subscri", "promo",
            "advert", "sponsor", "outbrain", "taboola", "cookie", "recirc", "recommend", "related", "comment-");
    /** Two-word names ({@code read-more}, {@code most-popular}). */
    private static final Set<String> STRONG_PAIRS = Set.of("read-more", "most-popular", "most-read", "more-stories",
            "also-read", "ad-slot", "inline-ad", "author-bio", "post-meta", "entry-meta", "article-meta",
            "sr-only", "visually-hidden", "screen-reader", "print-only", "tag-list", "headline-list",
            "more-from", "you-may", "read-next", "up-next", "see-also");
    private static final List<String> ARTICLE_WORDS = List.of("article", "body", "content", "entry", "main", "story",
            "post", "text", "blog", "column", "prose", "hentry");

    private final Map<String, Verdict> cache = new HashMap<>();

    /** The verdict on an element's {@code class} and {@code id} joined by a space. */
    Verdict judge(String marks) {
        if (marks.isEmpty()) {
            return Verdict.NEUTRAL;
        }
        return cache.computeIfAbsent(marks, ClassNames::compute);
    }

    private static Verdict compute(String marks) {
        Verdict result = Verdict.NEUTRAL;
        boolean article = false;
        for (String raw : marks.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (raw.isEmpty()) {
                continue;
            }
            boolean pos = false;
            for (String w : ARTICLE_WORDS) {
                if (raw.contains(w)) {
                    pos = true;
                    break;
                }
            }
            if (raw.contains("embed") || raw.contains("tweet")) {
                // Embedded posts and tweets quoted by the article are part of its text.
                continue;
            }
            String[] words = raw.split("[-_]+");
            boolean strong = false;
            boolean weak = false;
            for (int i = 0; i < words.length; i++) {
                String w = words[i];
                if (STRONG.contains(w) || i == 0 && w.equals("more") && words.length > 1 || i + 1 < words.length && STRONG_PAIRS.contains(w + "-" + words[i + 1])) {
                    strong = true;
                } else if (WEAK.contains(w)) {
                    weak = true;
                } else {
                    for (String p : STRONG_PREFIXES) {
                        if (w.startsWith(p)) {
                            strong = true;
                            break;
                        }
                    }
                }
            }
            if (pos && !strong && !weak) {
                return Verdict.ARTICLE;
            }
            if (strong) {
                result = Verdict.STRONG_BOILERPLATE;
            } else if (weak && !pos && result == Verdict.NEUTRAL) {
                result = Verdict.WEAK_BOILERPLATE;
            }
            article |= pos;
        }
        return result == Verdict.NEUTRAL && article ? Verdict.ARTICLE : result;
    }
}
