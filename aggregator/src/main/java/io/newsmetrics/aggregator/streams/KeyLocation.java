package io.newsmetrics.aggregator.streams;

import org.apache.kafka.streams.state.HostInfo;

import java.util.Set;

/**
 * Where a key lives: its partition, the instance with the active copy and those with standbys.
 *
 * @param active null when no instance owns it right now (rebalancing)
 */
public record KeyLocation(int partition, HostInfo active, Set<HostInfo> standbys) {
    public KeyLocation {
        standbys = standbys == null ? Set.of() : Set.copyOf(standbys);
    }
}
