package io.newsmetrics.ingest.parse;

import java.util.ArrayList;
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
        String all = marks.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = all.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(all.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(all.charAt(i))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            Verdict v = token(all.substring(start, i));
            if (v == Verdict.ARTICLE) {
                return Verdict.ARTICLE;
            }
            if (v == Verdict.STRONG_BOILERPLATE) {
                result = v;
            } else if (v == Verdict.WEAK_BOILERPLATE && result == Verdict.NEUTRAL) {
                result = v;
            } else if (v == null) {
                article = true;
            }
        }
        return result == Verdict.NEUTRAL && article ? Verdict.ARTICLE : result;
    }

    /**
     * The verdict on one token: ARTICLE when it has article words only, null when it has article
     * words and weak boilerplate words, else what its boilerplate words say.
     */
    private static Verdict token(String raw) {
        if (raw.contains("embed") || raw.contains("tweet")) {
            // Embedded posts and tweets quoted by the article are part of its text.
            return Verdict.NEUTRAL;
        }
        boolean pos = false;
        for (String w : ARTICLE_WORDS) {
            if (raw.contains(w)) {
                pos = true;
                break;
            }
        }
        List<String> words = words(raw);
        boolean strong = false;
        boolean weak = false;
        for (int i = 0; i < words.size() && !strong; i++) {
            String w = words.get(i);
            if (STRONG.contains(w) || i == 0 && w.equals("more") && words.size() > 1
                    || i + 1 < words.size() && STRONG_PAIRS.contains(w + "-" + words.get(i + 1))) {
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
        if (strong) {
            return Verdict.STRONG_BOILERPLATE;
        }
        if (pos) {
            return weak ? null : Verdict.ARTICLE;
        }
        return weak ? Verdict.WEAK_BOILERPLATE : Verdict.NEUTRAL;
    }

    private static List<String> words(String token) {
        List<String> out = new ArrayList<>(4);
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || token.charAt(i) == '-' || token.charAt(i) == '_') {
                if (i > start) {
                    out.add(token.substring(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }
}
