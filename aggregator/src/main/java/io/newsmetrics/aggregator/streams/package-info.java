/**
 * Kafka Streams side: the {@link io.newsmetrics.aggregator.streams.AggregatorTopology topology} (built in one
 * place), the {@link io.newsmetrics.aggregator.streams.IndicatorProcessor processor} and its stores, dead-letter
 * handlers, Streams settings, and {@link io.newsmetrics.aggregator.streams.InteractiveQueries interactive queries}
 * over this instance's active and standby copies.
 */
package io.newsmetrics.aggregator.streams;
