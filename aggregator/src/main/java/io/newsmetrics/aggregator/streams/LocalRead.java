package io.newsmetrics.aggregator.streams;

/**
 * A value read from this instance's copy of a store partition.
 *
 * @param value     what was read; null when the key is absent
 * @param partition the store partition
 * @param standby   true when read from a standby or still-restoring copy (then {@code lag} says how stale)
 * @param lag       records the copy is behind its changelog, 0 for a running active copy
 */
public record LocalRead<T>(T value, int partition, boolean standby, long lag) {
}
