package io.newsmetrics.aggregator.rest;

import io.newsmetrics.aggregator.model.Period;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Query parameters of a request, decoded, with checked accessors that raise 400s. */
public final class Params {
    private final Map<String, String> values;

    private Params(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses a raw query string ({@code a=1&b=x%2Fy}); a repeated parameter is a 400, so is one not in {@code allowed}.
     */
    public static Params parse(String rawQuery, Set<String> allowed) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!allowed.contains(name)) {
                    throw ApiException.badRequest("unknown parameter '" + name + "'; allowed: " + String.join(", ",
                            allowed.stream().sorted().toList()));
                }
                if (out.put(name, value) != null) {
                    throw ApiException.badRequest("parameter '" + name + "' is given twice");
                }
            }
        }
        return new Params(out);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in the query: '" + s + "'");
        }
    }

    public String get(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public int intValue(String name, int defaultValue, int min, int max) {
        String v = get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiException.badRequest(name + " must be " + min + ".." + max + ", was " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, was '" + v + "'");
        }
    }

    public boolean bool(String name) {
        String v = get(name);
        if (v == null) {
            return false;
        }
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false, was '" + v + "'");
        };
    }

    /** A period parameter ({@code 2024}, {@code 2024-Q3}, {@code 2024-12}...), or null when absent. */
    public Period period(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        try {
            return Period.parse(v);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + ": " + e.getMessage());
        }
    }

    /** A comma-separated list of partition numbers, or null when absent. */
    public Set<Integer> partitions(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        Set<Integer> out = new java.util.TreeSet<>();
        for (String part : v.split(",")) {
            try {
                int p = Integer.parseInt(part.trim());
                if (p < 0) {
                    throw new NumberFormatException();
                }
                out.add(p);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(name + " must be a list of partition numbers, was '" + v + "'");
            }
        }
        return out;
    }
}
