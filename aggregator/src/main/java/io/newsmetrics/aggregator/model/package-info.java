/**
 * The aggregator's values: {@link io.newsmetrics.aggregator.model.Period periods} and their order,
 * {@link io.newsmetrics.aggregator.model.Observation observations} (one per event id),
 * {@link io.newsmetrics.aggregator.model.ObservationOrder which one is latest}, and the
 * {@link io.newsmetrics.aggregator.model.Indicator} summary with corroboration and conflicts.
 */
package io.newsmetrics.aggregator.model;
