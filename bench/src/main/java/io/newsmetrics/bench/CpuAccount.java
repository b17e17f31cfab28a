package io.newsmetrics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * CPU time spent by each part of the process between two snapshots, from the JVM's per-thread CPU clocks.
 * Wall-clock throughput on a shared two-core machine swings with whatever else runs; CPU seconds per article
 * do not, and they say which part to make cheaper. Threads are grouped by name: the extractor's and the
 * aggregator's stream threads and their producers' network threads, the broker's threads, and the rest. A
 * thread that ended between the snapshots is missing from both, so take the second snapshot before closing.
 */
final class CpuAccount {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final long CLOCK_TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final Map<Long, Long> startByThread;
    private final Map<Long, Long> allocatedByThread;
    private final Map<String, Long> startByNativeGroup;
    private final long processStart;

    private CpuAccount(Map<Long, Long> startByThread, Map<Long, Long> allocatedByThread,
                       Map<String, Long> startByNativeGroup, long processStart) {
        this.startByThread = startByThread;
        this.allocatedByThread = allocatedByThread;
        this.startByNativeGroup = startByNativeGroup;
        this.processStart = processStart;
    }

    /** Snapshots every live thread's CPU time now. */
    static CpuAccount start() {
        return new CpuAccount(snapshot(), allocated(), nativeGroups(), processCpuNanos());
    }

    /**
     * CPU seconds per group since {@link #start()}, per {@code units} (e.g. articles), as one line: the groups,
     * then "JVM other" (GC and JIT: process CPU not on any Java thread) and the total.
     */
    String describe(long units, String unitName) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        Map<String, Long> allocatedByGroup = new LinkedHashMap<>();
        for (String g : new String[]{"extractor", "aggregator", "broker", "bench clients", "other threads"}) {
            byGroup.put(g, 0L);
            allocatedByGroup.put(g, 0L);
        }
        long threadsTotal = 0;
        Map<Long, Long> allocatedNow = allocated();
        for (long id : THREADS.getAllThreadIds()) {
            var info = THREADS.getThreadInfo(id);
            long cpu = THREADS.getThreadCpuTime(id);
            if (info == null || cpu < 0) {
                continue;
            }
            long spent = cpu - startByThread.getOrDefault(id, 0L);
            String group = group(info.getThreadName());
            byGroup.merge(group, spent, Long::sum);
            allocatedByGroup.merge(group, allocatedNow.getOrDefault(id, 0L) - allocatedByThread.getOrDefault(id, 0L),
                    Long::sum);
            threadsTotal += spent;
        }
        long process = processCpuNanos() - processStart;
        StringJoiner line = new StringJoiner(", ");
        byGroup.forEach((g, nanos) -> line.add(part(g, nanos, units)));
        long nativeTotal = 0;
        for (Map.Entry<String, Long> e : nativeGroups().entrySet()) {
            long spent = e.getValue() - startByNativeGroup.getOrDefault(e.getKey(), 0L);
            nativeTotal += spent;
            line.add(part(e.getKey(), spent, units));
        }
        if (process > 0) {
            line.add(part("unattributed", Math.max(0, process - threadsTotal - nativeTotal), units));
            line.add(part("total", process, units));
        }
        StringJoiner heap = new StringJoiner(", ");
        allocatedByGroup.forEach((g, bytes) -> heap.add(String.format(Locale.ROOT, "%s %.0f", g, bytes / 1024.0 / units)));
        return String.format(Locale.ROOT, "CPU ms per %s: %s; at 2 cores that allows at most %.0f %ss/s%n"
                        + "  heap KB allocated per %s (independent of other load): %s", unitName, line,
                process > 0 ? units * 2e9 / process : Double.NaN, unitName, unitName, heap);
    }

    static String group(String thread) {
        if (thread.contains("newsmetrics-extractor")) {
            return "extractor";
        }
        if (thread.contains("newsmetrics-aggregator") || thread.startsWith("aggregator-")) {
            return "aggregator";
        }
        if (thread.startsWith("data-plane") || thread.startsWith("kafka-") && !thread.startsWith("kafka-producer")
                && !thread.startsWith("kafka-admin") || thread.contains("coordinator") || thread.contains("Txn")
                || thread.startsWith("ExpirationReaper") || thread.startsWith("executor-") || thread.startsWith("raft")
                || thread.startsWith("broker-") || thread.startsWith("quorum") || thread.startsWith("LogDirFailure")) {
            return "broker";
        }
        if (thread.startsWith("bench") || thread.equals("main") || thread.startsWith("kafka-producer")
                || thread.startsWith("kafka-admin") || thread.startsWith("HttpClient")) {
            return "bench clients";
        }
        return "other threads";
    }

    /**
     * CPU of the threads the JVM and RocksDB run outside Java (JIT compilers, GC workers, RocksDB flushes and
     * compactions), from {@code /proc/self/task/<tid>/stat} grouped by thread name; empty where there is no /proc.
     */
    private static Map<String, Long> nativeGroups() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("JIT", 0L);
        out.put("GC", 0L);
        out.put("RocksDB background", 0L);
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                String stat;
                try {
                    stat = java.nio.file.Files.readString(task.resolve("stat"));
                } catch (java.io.IOException e) {
                    continue; // the thread ended meanwhile
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String comm = stat.substring(open + 1, close);
                String group = comm.contains("CompilerThre") ? "JIT"
                        : comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread") ? "GC"
                        : comm.startsWith("rocksdb") ? "RocksDB background" : null;
                if (group != null) {
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                    out.merge(group, ticks * CLOCK_TICK_NANOS, Long::sum);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    private static String part(String name, long nanos, long units) {
        return String.format(Locale.ROOT, "%s %.2f", name, units == 0 ? Double.NaN : nanos / 1e6 / units);
    }


    private static Map<Long, Long> snapshot() {
        return perThread(THREADS::getThreadCpuTime);
    }

    private static Map<Long, Long> allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported()) {
            return perThread(sun::getThreadAllocatedBytes);
        }
        return Map.of();
    }

    /** A per-thread counter of every live thread; -1 (thread gone or counter off) is left out. */
    private static Map<Long, Long> perThread(java.util.function.LongUnaryOperator counter) {
        Map<Long, Long> m = new LinkedHashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long v = counter.applyAsLong(id);
            if (v >= 0) {
                m.put(id, v);
            }
        }
        return m;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
