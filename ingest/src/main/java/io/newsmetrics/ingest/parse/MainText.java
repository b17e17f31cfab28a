package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds a page's main text and drops the boilerplate around and inside it.
 *
 * <p>The method, in the spirit of readability, boilerpipe and trafilatura:
 * <ol>
 *   <li><b>Measure</b> every element in one bottom-up pass: text characters, link characters and
 *       <i>prose</i> characters (paragraph-like blocks of at least 60 characters with under 30 %
 *       link text; long list items count half, as they are mostly teasers).</li>
 *   <li><b>Prune</b> what is never article text: scripts, form controls, media, {@code nav},
 *       {@code aside}, {@code footer}, hidden elements, ARIA landmarks for navigation, and elements
 *       whose class or id names boilerplate ({@link ClassNames}: share bars, comments, related
 *       links, cookie notices, captions...). Weak layout words ("rail", "paywall") do not remove
 *       a container holding real prose; no name removes one holding most of the page's text.</li>
 *   <li><b>Score</b> every text block (paragraph, or a div of inline content only) by its length
 *       and commas; the score flows to its parent, grandparent and further ancestors with
 *       decreasing weight. A container's score is scaled by its text-to-link ratio and nudged by
 *       class names that say "article" or "comment".</li>
 *   <li><b>Select</b> the best container; then <b>climb</b> to an ancestor while it adds clearly
 *       more prose than other text and links (articles split into sections, leads outside the
 *       body container), and add siblings that score well or read like paragraphs.</li>
 *   <li><b>Emit</b> block by block, skipping link lists, headlines, lines of page furniture
 *       ({@link BoilerplateLines}), datelines and a repeated title; paragraphs are joined with
 *       blank lines.</li>
 *   <li><b>Check</b> against JSON-LD {@code articleBody} when the page has one: if the DOM
 *       selection misses most of it, the declared body is used instead.</li>
 * </ol>
 * All traversals are iterative; depth is bounded by the parser.
 */
final class MainText {
    private static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "template", "svg", "iframe",
            "object", "embed", "canvas", "button", "input", "select", "textarea", "link", "meta", "nav", "aside",
            "footer", "figure", "figcaption", "picture", "video", "audio", "map", "dialog", "menu", "head", "label",
            "option", "math");
    private static final Set<String> ROW_TAGS = Set.of("tr", "td", "th", "tbody", "thead", "li", "p", "span");
    private static final Set<String> CONTAINER_JUNK_TAGS = Set.of("figure", "aside", "footer", "nav");
    private static final Set<String> JUNK_ROLES = Set.of("navigation", "complementary", "banner", "contentinfo",
            "menu", "menubar", "search", "dialog", "alertdialog", "toolbar", "tablist");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
            "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody",
            "thead", "br", "hr", "header", "address", "center", "form", "fieldset", "details", "summary", "body",
            "figure", "caption");
    private static final Set<String> SCORED = Set.of("p", "pre", "td", "blockquote");
    private static final Pattern END_MARK = Pattern.compile("[.!?…。！？\"”’»)]$");
    private static final int MIN_PARAGRAPH = 25;
    private static final int MAX_SCORED_CHARS = 20_000;
    /** The score of a block of more than {@link #MAX_SCORED_CHARS}: base plus the length cap. */
    private static final double LONG_BLOCK_SCORE = 4;

    private MainText() {
    }

    /**
     * Extracts the main text; mutates {@code doc} (read metadata first).
     *
     * @param declaredBody JSON-LD articleBody or null
     */
    static String extract(Document doc, String declaredBody) {
        return extract(doc, declaredBody, null);
    }

    /**
     * Extracts the main text; mutates {@code doc} (read metadata first).
     *
     * @param declaredBody JSON-LD articleBody or null
     * @param title        the headline, dropped when the text repeats it at its start; or null
     */
    static String extract(Document doc, String declaredBody, String title) {
        Element body = doc.body();
        if (body == null) {
            return declaredBody == null ? "" : normalizeDeclared(declaredBody);
        }
        ClassNames names = new ClassNames();
        Map<Element, int[]> stats = textStats(body);
        prune(body, stats, names);
        List<Element> roots = select(body, stats, names);
        String text = emit(roots, stats, title);
        return checkAgainstDeclared(text, declaredBody);
    }

    // ---------------------------------------------------------------- prune

    /**
     * Removes what is never article text, in one pass that does not descend into removed
     * subtrees. Text statistics taken before pruning protect big containers from lying names.
     */
    private static void prune(Element body, Map<Element, int[]> stats, ClassNames names) {
        int total = Math.max(1, stats.getOrDefault(body, new int[4])[TEXT]);
        List<Element> remove = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (e != body && isJunk(e, stats.get(e), total, names)) {
                    remove.add(e);
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        // Keep the statistics true without a second pass: take each removed subtree's counts off
        // its ancestors.
        for (Element e : remove) {
            int[] gone = stats.get(e);
            if (gone == null) {
                continue;
            }
            for (Element a = e.parent(); a != null; a = a.parent()) {
                int[] s = stats.get(a);
                if (s != null) {
                    s[TEXT] -= gone[TEXT];
                    s[LINKS] = Math.max(0, s[LINKS] - gone[LINKS]);
                    s[PROSE] = Math.max(0, Math.min(s[TEXT], s[PROSE] - gone[PROSE]));
                }
                if (a == body) {
                    break;
                }
            }
        }
        removeAll(remove);
    }

    private static boolean isJunk(Element e, int[] s, int total, ClassNames names) {
        String tag = e.normalName();
        int prose = s == null ? 0 : s[PROSE];
        if (JUNK_TAGS.contains(tag)) {
            // A <figure>, <aside>, <footer> or <nav> wraps the whole article on some sites: keep big ones.
            return !(CONTAINER_JUNK_TAGS.contains(tag) && prose > 1_500);
        }
        if (e.attributesSize() == 0) {
            return false;
        }
        if (e.hasAttr("hidden") || hiddenStyle(e.attr("style"))
                || JUNK_ROLES.contains(e.attr("role").toLowerCase(Locale.ROOT))
                || "true".equals(e.attr("aria-hidden")) && prose < 200) {
            return true;
        }
        if (tag.equals("header") && prose < 400) {
            return true;
        }
        if (tag.equals("blockquote") || s == null) {
            return false;
        }
        ClassNames.Verdict verdict = names.judge(marks(e));
        if (verdict != ClassNames.Verdict.WEAK_BOILERPLATE && verdict != ClassNames.Verdict.STRONG_BOILERPLATE) {
            return false;
        }
        // Never drop what holds most of the page's text: class names lie more often than text does.
        if (s[TEXT] > 0.5 * total && s[LINKS] < 0.3 * s[TEXT]) {
            return false;
        }
        // Weak signals ("rail", "paywall", "player") are layout words: they count on containers, not
        // on rows, items or paragraphs, and do not outweigh a good amount of prose.
        return verdict == ClassNames.Verdict.STRONG_BOILERPLATE || prose < 400 && !ROW_TAGS.contains(tag);
    }

    private static boolean hiddenStyle(String style) {
        if (style.isEmpty()) {
            return false;
        }
        String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return st.contains("display:none") || st.contains("visibility:hidden");
    }

    private static String marks(Element e) {
        String cls = e.attr("class");
        String id = e.attr("id");
        if (cls.isEmpty() && id.isEmpty()) {
            return "";
        }
        if (cls.length() > 500) {
            cls = cls.substring(0, 500);
        }
        if (id.length() > 200) {
            id = id.substring(0, 200);
        }
        return id.isEmpty() ? cls.strip() : (cls + " " + id).strip();
    }

    /**
     * Removes elements, batching per parent: jsoup re-indexes siblings on each removal, which
     * would be quadratic on a page with many removable siblings.
     */
    private static void removeAll(List<Element> remove) {
        Map<Element, List<Element>> byParent = new IdentityHashMap<>();
        for (Element e : remove) {
            Element parent = e.parent();
            if (parent != null) {
                byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<Element, List<Element>> en : byParent.entrySet()) {
            List<Element> gone = en.getValue();
            if (gone.size() <= BATCH_REMOVAL) {
                gone.forEach(Node::remove);
                continue;
            }
            Element parent = en.getKey();
            Set<Node> drop = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            drop.addAll(gone);
            List<Node> kept = new ArrayList<>(parent.childNodeSize());
            for (Node c : parent.childNodes()) {
                if (!drop.contains(c)) {
                    kept.add(c);
                }
            }
            parent.empty();
            parent.appendChildren(kept);
        }
    }

    private static final int BATCH_REMOVAL = 16;

    // ---------------------------------------------------------------- stats

    /** Index of non-space text characters in a stats entry. */
    private static final int TEXT = 0;
    /** Index of link text characters. */
    private static final int LINKS = 1;
    /** Index of characters in prose blocks: paragraphs long enough and with few links. */
    private static final int PROSE = 2;
    /** Index of the flag (0/1) "has block-level descendants". */
    private static final int HAS_BLOCK = 3;
    private static final int MIN_PROSE = 60;

    /** Per element: text, link text, prose characters and a block flag, computed bottom-up in one pass. */
    private static Map<Element, int[]> textStats(Element root) {
        Map<Element, int[]> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
            }

            @Override
            public void tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return;
                }
                int text = 0;
                int links = 0;
                int prose = 0;
                int loose = 0;
                boolean block = false;
                for (Node c : e.childNodes()) {
                    if (c instanceof TextNode t) {
                        int n = nonSpace(t.getWholeText());
                        text += n;
                        loose += n;
                    } else if (c instanceof Element ce) {
                        int[] s = stats.get(ce);
                        if (s != null) {
                            text += s[TEXT];
                            links += s[LINKS];
                            prose += s[PROSE];
                            boolean childBlock = s[HAS_BLOCK] == 1 || BLOCKS.contains(ce.normalName());
                            block |= childBlock;
                            if (!childBlock) {
                                loose += s[TEXT] - s[LINKS];
                            }
                        }
                    }
                }
                String tag = e.normalName();
                if (tag.equals("a")) {
                    links = text;
                }
                if (!block || SCORED.contains(tag)) {
                    // A paragraph-like block: all its text is prose or none is.
                    prose = text >= MIN_PROSE && links < 0.3 * text ? text : 0;
                } else if (loose >= MIN_PROSE) {
                    prose += loose;
                }
                if (tag.equals("li")) {
                    // Long list items are mostly teasers (headline link + excerpt), seldom article prose.
                    prose /= 2;
                }
                stats.put(e, new int[]{text, links, prose, block ? 1 : 0});
            }
        }, root);
        return stats;
    }

    private static int nonSpace(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00a0') {
                n++;
            }
        }
        return n;
    }

    private static double linkDensity(Element e, Map<Element, int[]> stats) {
        int[] s = stats.get(e);
        return s == null || s[0] == 0 ? 0 : (double) s[1] / s[0];
    }

    // ---------------------------------------------------------------- score and select

    private static List<Element> select(Element body, Map<Element, int[]> stats, ClassNames names) {
        // Document order (jsoup elements compare by identity): ties and caps resolve the same way every run.
        Map<Element, double[]> scores = new java.util.LinkedHashMap<>();
        for (Element e : body.getAllElements()) {
            String tag = e.normalName();
            Element first;
            String text;
            if (SCORED.contains(tag)) {
                int[] st = stats.get(e);
                first = e.parent();
                if (st != null && st[TEXT] > MAX_SCORED_CHARS) {
                    // Nested quotes or cells would re-read the same text at every level: a block far
                    // longer than any paragraph gets a length-only score.
                    addToAncestors(first, LONG_BLOCK_SCORE, body, scores, names);
                    continue;
                }
                text = e.text();
            } else if (tag.equals("div") || tag.equals("section") || tag.equals("article") || tag.equals("span")) {
                int[] st = stats.get(e);
                if (st == null || st[TEXT] < MIN_PARAGRAPH) {
                    continue;
                }
                if (st[HAS_BLOCK] == 0) {
                    // A container of inline content only is a paragraph written without <p>;
                    // a span counts only when it is the outermost inline element.
                    if (tag.equals("span") && (e.parent() == null || stats.get(e.parent()) == null
                            || stats.get(e.parent())[HAS_BLOCK] == 0)) {
                        continue;
                    }
                    text = e.text();
                    first = e.parent();
                } else if (!tag.equals("span")) {
                    // Loose text beside blocks (text<br>text<p>...) is a paragraph of this container.
                    text = ownInlineText(e, stats);
                    first = e;
                } else {
                    continue;
                }
            } else {
                continue;
            }
            if (text.length() < MIN_PARAGRAPH) {
                continue;
            }
            addToAncestors(first, paragraphScore(text), body, scores, names);
        }
        Element top = null;
        double topScore = 0;
        for (Map.Entry<Element, double[]> en : scores.entrySet()) {
            double s = en.getValue()[0] * (1 - linkDensity(en.getKey(), stats));
            en.getValue()[0] = s;
            if (s > topScore) {
                topScore = s;
                top = en.getKey();
            }
        }
        if (top == null) {
            return List.of(body);
        }
        top = preferCommonAncestor(top, topScore, scores);
        top = expand(top, body, stats);
        double[] chosen = scores.get(top);
        return withSiblings(top, chosen == null ? topScore : chosen[0], scores, stats);
    }

    /** Adds a paragraph's score to its container and, with decreasing weight, four more ancestors. */
    private static void addToAncestors(Element first, double score, Element body, Map<Element, double[]> scores,
                                       ClassNames names) {
        Element ancestor = first;
        for (int level = 0; ancestor != null && level < 5; level++) {
            addScore(ancestor, score, level, scores, names);
            if (ancestor == body) {
                break;
            }
            ancestor = ancestor.parent();
        }
    }

    private static void addScore(Element e, double score, int level, Map<Element, double[]> scores,
                                 ClassNames names) {
        double[] s = scores.get(e);
        if (s == null) {
            s = new double[]{initialScore(e, names)};
            scores.put(e, s);
        }
        s[0] += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
    }

    private static double paragraphScore(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '、' || c == '،') {
                commas++;
            }
        }
        return 1 + commas + Math.min(text.length() / 100, 3);
    }

    private static double initialScore(Element e, ClassNames names) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote", "section" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        switch (names.judge(marks(e))) {
            case ARTICLE -> s += 25;
            case STRONG_BOILERPLATE, WEAK_BOILERPLATE -> s -= 25;
            default -> { }
        }
        if (e.hasAttr("itemprop") && e.attr("itemprop").toLowerCase(Locale.ROOT).contains("articlebody")) {
            s += 50;
        }
        return s;
    }

    private static String ownInlineText(Element e, Map<Element, int[]> stats) {
        StringBuilder sb = new StringBuilder();
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
                sb.append(t.text());
            } else if (c instanceof Element ce && !BLOCKS.contains(ce.normalName())
                    && (stats.get(ce) == null || stats.get(ce)[HAS_BLOCK] == 0)) {
                sb.append(ce.text());
            }
            if (sb.length() > 5_000) {
                break;
            }
        }
        return sb.toString().strip();
    }

    /** When near-equal candidates share an ancestor, the ancestor holds the whole article. */
    private static Element preferCommonAncestor(Element top, double topScore, Map<Element, double[]> scores) {
        List<Element> alternatives = new ArrayList<>();
        for (Map.Entry<Element, double[]> en : scores.entrySet()) {
            if (en.getKey() != top && en.getValue()[0] >= 0.75 * topScore
                    && alternatives.size() < MAX_ALTERNATIVES) {
                alternatives.add(en.getKey());
            }
        }
        if (alternatives.size() < 3) {
            return top;
        }
        Element parent = top.parent();
        while (parent != null && !parent.normalName().equals("body")) {
            int contained = 0;
            for (Element alt : alternatives) {
                if (isAncestor(parent, alt)) {
                    contained++;
                }
            }
            if (contained >= 3) {
                return parent;
            }
            parent = parent.parent();
        }
        return top;
    }

    /**
     * Climbs from the chosen container while an ancestor adds more prose than other text:
     * articles split into several sections, or with their first paragraphs in a separate lead
     * block, are whole only a few levels up.
     */
    private static Element expand(Element top, Element body, Map<Element, int[]> stats) {
        Element best = top;
        int[] base = stats.get(top);
        double bestValue = value(base);
        int levels = 0;
        for (Element a = top.parent(); a != null && levels < MAX_CLIMB; a = a.parent(), levels++) {
            int[] s = stats.get(a);
            double v = value(s);
            int addedText = s == null || base == null ? 0 : s[TEXT] - base[TEXT];
            int addedLinks = s == null || base == null ? 0 : s[LINKS] - base[LINKS];
            // What the ancestor adds must read like text, not like a list of teasers.
            int[] bs = stats.get(best);
            double minGain = Math.max(MIN_GAIN, MIN_RELATIVE_GAIN * (bs == null ? 0 : bs[PROSE]));
            if (v > bestValue + minGain && addedLinks <= MAX_ADDED_LINK_DENSITY * addedText) {
                best = a;
                bestValue = v;
            }
            if (a == body) {
                break;
            }
        }
        return best;
    }

    private static final int MAX_CLIMB = 8;
    /** Enough near-equal candidates to find a shared ancestor; more only cost time on hostile pages. */
    private static final int MAX_ALTERNATIVES = 64;
    /** A climb must gain this much value, absolutely and relative to the prose held: small gains are noise. */
    private static final double MIN_GAIN = 150;
    private static final double MIN_RELATIVE_GAIN = 0.1;
    /** How much a character of non-prose text costs against a character of prose. */
    private static final double NOISE_COST = 1.0;
    /** Extra cost of a character of link text. */
    private static final double LINK_COST = 1.0;
    private static final double MAX_ADDED_LINK_DENSITY = 0.2;

    private static double value(int[] s) {
        if (s == null) {
            return Double.NEGATIVE_INFINITY;
        }
        return s[PROSE] - NOISE_COST * (s[TEXT] - s[PROSE]) - LINK_COST * s[LINKS];
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static List<Element> withSiblings(Element top, double topScore, Map<Element, double[]> scores,
                                              Map<Element, int[]> stats) {
        Element parent = top.parent();
        if (parent == null) {
            return List.of(top);
        }
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                out.add(sibling);
                continue;
            }
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            double[] s = scores.get(sibling);
            if (s != null && s[0] + bonus >= threshold) {
                out.add(sibling);
            } else if (sibling.normalName().equals("p")) {
                String text = sibling.text();
                double ld = linkDensity(sibling, stats);
                if (text.length() > 80 && ld < 0.25 || text.length() > 0 && ld == 0 && END_MARK.matcher(text).find()) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- emit

    private static String emit(List<Element> roots, Map<Element, int[]> stats, String title) {
        Emitter em = new Emitter(stats);
        for (Element root : roots) {
            NodeTraversor.filter(em, root);
            em.flush();
        }
        List<String> paragraphs = em.paragraphs;
        if (title != null && !title.isBlank()) {
            // The headline repeated in a non-h1 element at the top is not body text.
            String t = BoundedText.collapse(title).toLowerCase(Locale.ROOT);
            for (int i = 0; i < Math.min(3, paragraphs.size()); i++) {
                if (paragraphs.get(i).toLowerCase(Locale.ROOT).equals(t)) {
                    paragraphs.remove(i);
                    break;
                }
            }
        }
        return String.join("\n\n", paragraphs);
    }

    /** Writes paragraphs block by block, skipping link lists and headlines. */
    private static final class Emitter implements org.jsoup.select.NodeFilter {
        private final Map<Element, int[]> stats;
        private final List<String> paragraphs = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private int linkDepth;
        private int linkChars;

        Emitter(Map<Element, int[]> stats) {
            this.stats = stats;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.text();
                if (linkDepth > 0) {
                    linkChars += nonSpace(s);
                }
                current.append(s);
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (tag.equals("h1")) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if ((tag.equals("ul") || tag.equals("ol") || tag.equals("table") || tag.equals("div")
                    || tag.equals("section") || tag.equals("dl")) && isLinkList(e)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            if (BLOCKS.contains(tag)) {
                flush();
            } else if (tag.equals("a")) {
                linkDepth++;
            } else if (tag.equals("td") || tag.equals("th")) {
                current.append(' ');
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (BLOCKS.contains(tag)) {
                    flush();
                } else if (tag.equals("a")) {
                    linkDepth--;
                }
            }
            return FilterResult.CONTINUE;
        }

        private boolean isLinkList(Element e) {
            int[] s = stats.get(e);
            if (s == null || s[0] == 0) {
                return false;
            }
            double ld = (double) s[1] / s[0];
            // A block that is mostly links is navigation or "related" unless it is long prose.
            return ld > 0.5 && s[0] < 2_000 || ld > 0.33 && e.normalName().matches("ul|ol|table") && s[0] < 600;
        }

        void flush() {
            String p = BoundedText.collapse(current);
            int links = linkChars;
            current.setLength(0);
            linkChars = 0;
            if (p.isEmpty()) {
                return;
            }
            int len = nonSpace(p);
            if (len > 0 && links > 0.6 * len && len < 300) {
                return;
            }
            if (BoilerplateLines.matches(p) || isDateline(p, len)) {
                return;
            }
            paragraphs.add(p);
        }
    }

    /** A short line that is mostly a date ("October 12, 2017", "05/10/2018 - Posted by ..."). */
    private static boolean isDateline(String p, int len) {
        if (len > DATELINE_CHARS || !hasYear(p)) {
            return false;
        }
        int words = p.split(" ").length;
        return words <= DATELINE_WORDS && DATES.find(p).isPresent()
                || DATES.find(p.substring(0, Math.min(p.length(), 12))).isPresent() && p.contains(" - ");
    }

    /** Whether the text holds four digits in a row starting with 19 or 20: a cheap gate before the date rules. */
    private static boolean hasYear(String p) {
        int run = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
                if (run == 4) {
                    char a = p.charAt(i - 3);
                    char b = p.charAt(i - 2);
                    if (a == '1' && b == '9' || a == '2' && b == '0') {
                        return true;
                    }
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private static final int DATELINE_CHARS = 100;
    private static final int DATELINE_WORDS = 6;
    /** Any plausible date counts for datelines; the window end is irrelevant here. */
    private static final DateText DATES = DateText.upTo(java.time.LocalDate.of(9999, 12, 31));


    // ---------------------------------------------------------------- declared body

    private static String checkAgainstDeclared(String text, String declared) {
        if (declared == null || declared.length() < 200) {
            return text;
        }
        String body = normalizeDeclared(declared);
        Set<String> have = words(text);
        List<String> want = wordList(body);
        if (want.isEmpty()) {
            return text;
        }
        int found = 0;
        for (String w : want) {
            if (have.contains(w)) {
                found++;
            }
        }
        // The DOM pick missed most of what the page itself declares as its body: trust the declaration.
        return (double) found / want.size() < 0.5 ? body : text;
    }

    private static String normalizeDeclared(String declared) {
        String s = declared;
        if (s.indexOf('<') >= 0 && s.indexOf('>') > 0) {
            s = org.jsoup.Jsoup.parseBodyFragment(s).body().wholeText();
        }
        List<String> paras = new ArrayList<>();
        for (String line : s.split("\\n+")) {
            String p = BoundedText.collapse(line);
            if (!p.isEmpty()) {
                paras.add(p);
            }
        }
        return String.join("\n\n", paras);
    }

    private static Set<String> words(String text) {
        return new HashSet<>(wordList(text));
    }

    private static List<String> wordList(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
