/**
 * Metric facts of an article: {@link io.newsmetrics.extractor.fact.MetricExtractor} turns the quantities of an
 * {@link io.newsmetrics.model.Article} into {@link io.newsmetrics.model.MetricEvent}s with an indicator (folded
 * through the synonym resource {@code indicators.tsv}), a label, a subject, a period resolved against the
 * publication date and evidence offsets into the article text.
 */
package io.newsmetrics.extractor.fact;
