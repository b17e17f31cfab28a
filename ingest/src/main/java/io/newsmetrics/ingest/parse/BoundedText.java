package io.newsmetrics.ingest.parse;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * An element's text, read only up to a limit: bylines, dates and author names are short, and
 * reading the full text of every candidate element would be quadratic on hostile nesting.
 */
final class BoundedText {
    private BoundedText() {
    }

    /**
     * The element's text with whitespace collapsed, or null when it is longer than {@code limit}.
     */
    static String of(Element e, int limit) {
        StringBuilder sb = new StringBuilder();
        boolean[] tooLong = {false};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    // check before copying: one hostile text node of megabytes must not be copied per candidate
                    if (sb.length() + text.length() > 2 * limit + 64) {
                        tooLong[0] = true;
                        return FilterResult.STOP;
                    }
                    sb.append(text).append(' ');
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, e);
        if (tooLong[0]) {
            return null;
        }
        String text = collapse(sb);
        return text.length() > limit ? null : text;
    }

    /** Text with runs of whitespace (including no-break and zero-width spaces) as one space, trimmed. */
    static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b') {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }
}
