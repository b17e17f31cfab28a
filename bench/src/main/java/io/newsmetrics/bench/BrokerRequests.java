package io.newsmetrics.bench;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Requests the in-process broker has handled, by type, from its JMX request metrics
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec,request=...}): a count taken before a run and one
 * after tell how many produce, fetch and transaction requests each article cost the broker.
 */
final class BrokerRequests {
    private final Map<String, Long> counts;

    private BrokerRequests(Map<String, Long> counts) {
        this.counts = counts;
    }

    /** The counts now; empty when the broker runs in another process. */
    static BrokerRequests now() {
        Map<String, Long> counts = new TreeMap<>();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (ObjectName name : server.queryNames(
                    new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                Object count = server.getAttribute(name, "Count");
                if (count instanceof Number n) {
                    counts.merge(name.getKeyProperty("request"), n.longValue(), Long::sum);
                }
            }
        } catch (Exception e) {
            return new BrokerRequests(Map.of()); // figures only: a benchmark without them still runs
        }
        return new BrokerRequests(counts);
    }

    /** Requests since {@code before} per unit of work, the most frequent first, for those of at least 0.01. */
    String perUnit(BrokerRequests before, int units, String unit) {
        Map<String, Double> per = new TreeMap<>();
        counts.forEach((type, n) -> per.put(type, (n - before.counts.getOrDefault(type, 0L)) / (double) units));
        double total = per.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "broker requests per %s: %.2f (", unit, total)
                + per.entrySet().stream().filter(e -> e.getValue() >= 0.01)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
