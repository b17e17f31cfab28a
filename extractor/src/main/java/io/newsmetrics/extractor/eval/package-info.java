/**
 * Evaluations that print figures: {@link io.newsmetrics.extractor.eval.MetricsGoldEval} (article metric gold, the
 * rules of {@code shared/tools/score_metrics.py}), {@link io.newsmetrics.extractor.eval.RecognizersTextEval}
 * (Recognizers-Text English specs) and {@link io.newsmetrics.extractor.eval.SpeedEval} (MB/s per core).
 */
package io.newsmetrics.extractor.eval;
