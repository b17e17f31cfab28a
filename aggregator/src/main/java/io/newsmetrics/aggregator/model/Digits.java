package io.newsmetrics.aggregator.model;

/**
 * Fixed-width ASCII digit fields of dates and periods, read in place: {@link Period} and {@link ObservationOrder}
 * read one or more per event, where a regular expression or a java.time parser cost a tenth of the aggregator.
 */
final class Digits {
    private Digits() {
    }

    /** Whether the {@code count} chars from {@code from} are all ASCII digits (Unicode digits are not). */
    static boolean are(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The value of the {@code count} digits from {@code from}; check them with {@link #are} first. */
    static int value(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
