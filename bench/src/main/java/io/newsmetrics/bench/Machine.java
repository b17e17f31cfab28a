package io.newsmetrics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the machine is doing: load average, cores, and this process's resident memory (Linux /proc). */
public final class Machine {
    private Machine() {
    }

    /** "load 3.21 2.80 1.90 on 2 cores", or what is known when /proc is missing. */
    public static String load() {
        String cores = Runtime.getRuntime().availableProcessors() + " cores";
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load " + f[0] + " " + f[1] + " " + f[2] + " on " + cores;
        } catch (IOException | RuntimeException e) {
            return "load unknown on " + cores;
        }
    }

    /** A field of /proc/self/status in MiB ({@code VmHWM} = peak RSS, {@code VmRSS} = current), or -1. */
    public static double statusMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0; // kB
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return -1;
    }

    /** Peak RSS, current RSS and heap in use, in MiB. */
    public static String memory() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "peak RSS (VmHWM) %.0f MiB, RSS now %.0f MiB, heap used %.0f MiB of max %.0f MiB",
                statusMib("VmHWM"), statusMib("VmRSS"), (rt.totalMemory() - rt.freeMemory()) / 1048576.0,
                rt.maxMemory() / 1048576.0);
    }
}
