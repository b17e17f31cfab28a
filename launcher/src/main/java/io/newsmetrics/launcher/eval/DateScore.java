package io.newsmetrics.launcher.eval;

/**
 * Publication-date scoring as {@code shared/tools/score_dates.py} does it (htmldate's evaluation): a right
 * date is a true positive, a wrong one a false positive, none where one exists a false negative, none where
 * none exists a true negative.
 */
public final class DateScore {
    private int tp;
    private int fp;
    private int fn;
    private int tn;

    /** Adds one page: the true date ({@code YYYY-MM-DD} or null) and the found one (any ISO form, or null). */
    public void add(String truth, String found) {
        String got = found == null || found.isEmpty() ? null : found.substring(0, Math.min(10, found.length()));
        if (truth == null) {
            if (got == null) {
                tn++;
            } else {
                fp++;
            }
        } else if (truth.equals(got)) {
            tp++;
        } else if (got == null) {
            fn++;
        } else {
            fp++;
        }
    }

    public double precision() {
        return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    public double f() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public int pages() {
        return tp + fp + fn + tn;
    }

    @Override
    public String toString() {
        return String.format("pages %d tp %d fp %d fn %d tn %d%nprecision %.3f recall %.3f%nF %.3f",
                pages(), tp, fp, fn, tn, precision(), recall(), f());
    }
}
