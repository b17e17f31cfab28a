package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.model.MetricEvent;

import java.util.Locale;

/**
 * Which indicators a listing returns; null parts match everything.
 *
 * @param subject         the subject, compared in kebab form ("China", "china" and the key's first part match)
 * @param indicatorPrefix a prefix of the indicator id ({@code internet} matches {@code internet-users})
 * @param text            case-insensitive text found in the key, label, subject or evidence sentence
 */
public record IndicatorFilter(String subject, String indicatorPrefix, String text) {
    public static final IndicatorFilter ALL = new IndicatorFilter(null, null, null);

    public IndicatorFilter {
        subject = blankToNull(subject);
        indicatorPrefix = blankToNull(indicatorPrefix);
        text = blankToNull(text);
    }

    public boolean matches(Indicator i) {
        if (subject != null) {
            String wanted = MetricEvent.kebab(subject);
            String keySubject = i.key().contains("/") ? i.key().substring(0, i.key().indexOf('/')) : "";
            boolean ok = wanted.equals(keySubject) || (i.subject() != null && wanted.equals(MetricEvent.kebab(i.subject())));
            if (!ok) {
                return false;
            }
        }
        if (indicatorPrefix != null && (i.indicator() == null
                || !i.indicator().toLowerCase(Locale.ROOT).startsWith(indicatorPrefix.toLowerCase(Locale.ROOT)))) {
            return false;
        }
        if (text != null) {
            String t = text.toLowerCase(Locale.ROOT);
            return contains(i.key(), t) || contains(i.label(), t) || contains(i.subject(), t)
                    || contains(i.latest().sentence(), t);
        }
        return true;
    }

    private static boolean contains(String hay, String needle) {
        return hay != null && hay.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
