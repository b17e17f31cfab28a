package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Period;

/**
 * Keys of the history store: {@code key NUL periodSortKey NUL eventId}. Byte order (UTF-8) of these
 * keys walks one indicator's observations from its oldest period to its newest, undated ones first,
 * so a prefix scan reads one key's history, one period's observations, or every period up to a bound.
 */
public final class HistoryKeys {
    /** Separator; indicator keys are validated not to contain control characters. */
    static final char SEP = '\u0000';
    /** Sort key of observations without a period: below every date ('!' precedes the digits). */
    static final String UNDATED = "!";

    private HistoryKeys() {
    }

    public static String of(String key, Period period, String eventId) {
        return periodPrefix(key, period) + eventId;
    }

    /** Prefix of every observation of a key. */
    public static String keyPrefix(String key) {
        return key + SEP;
    }

    /** Prefix of every observation of a key and period (null: undated). */
    public static String periodPrefix(String key, Period period) {
        return key + SEP + (period == null ? UNDATED : period.sortKey()) + SEP;
    }

    /**
     * Key of the summary-store entry marking that {@code sourceUrl} was counted for figure {@code figure} of the
     * summary of {@code key} and {@code period}: {@code key NUL periodSortKey NUL figure NUL sourceUrl}.
     */
    public static String sourceMark(String key, Period period, int figure, String sourceUrl) {
        return periodPrefix(key, period) + figure + SEP + sourceUrl;
    }

    /** Lowest key of a key's dated observations. */
    public static String firstDated(String key) {
        return key + SEP + "0";
    }

    /** A key just above every observation of {@code key} whose period ends on or before {@code bound}'s end. */
    public static String upTo(String key, Period bound) {
        // sortKey is end-start; every sort key with end <= bound.end is below "end~".
        return key + SEP + bound.sortKey().substring(0, 8) + "~";
    }

    /** A key just above every observation of {@code key}. */
    public static String end(String key) {
        return key + SEP + '\uffff';
    }

    /** Whether an indicator key can be stored: not blank, no control characters. */
    public static boolean isValidKey(String key) {
        if (key == null || key.isBlank() || key.length() > 512) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
