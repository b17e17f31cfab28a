/**
 * HTTP side on the JDK server: {@link io.newsmetrics.aggregator.rest.IndicatorsHandler /indicators} (routing to the
 * owner, standby fallback, fan-out listings), probes, metrics, static resources, and the
 * {@link io.newsmetrics.aggregator.rest.Guarded guard} that turns every failure into a JSON error.
 */
package io.newsmetrics.aggregator.rest;
