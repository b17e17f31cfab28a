package io.newsmetrics.extractor.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmetrics.extractor.quantity.Quantity;
import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Json;
import io.newsmetrics.model.Qualifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures {@link QuantityRecognizer} on the Microsoft Recognizers-Text English specs (Number, Percent,
 * NumberRange, Currency): the share of expected results that some recognised quantity reproduces with the right
 * value (and, for currency, the right unit). Cases whose {@code NotSupported} lists {@code java} are skipped, as
 * are expected results without a value. Ranges: a closed interval must come back as low/high; a one-sided one as
 * the bound with a qualifier pointing the same way; an equality as the value.
 *
 * <p>Usage: {@code RecognizersTextEval SHARED_DIR [--verbose]}.
 */
public final class RecognizersTextEval {

    /** Found and expected results of one spec file. */
    public record Tally(String spec, int found, int expected) {
        public double rate() {
            return expected == 0 ? 1 : (double) found / expected;
        }
    }

    /** The spec files measured, relative to {@code eval/recognizers-text/Specs}. */
    public static final List<String> SPECS = List.of("Number/English/NumberModel.json",
            "Number/English/PercentModel.json", "Number/English/NumberRangeModel.json",
            "NumberWithUnit/English/CurrencyModel.json");

    /** The spec's currency names as ISO 4217 codes (or our unit names for subunits). */
    static final Map<String, String> CURRENCY_NAMES = Map.ofEntries(
            Map.entry("dollar", "USD"), Map.entry("united states dollar", "USD"), Map.entry("euro", "EUR"),
            Map.entry("chinese yuan", "CNY"), Map.entry("pound", "GBP"), Map.entry("british pound", "GBP"),
            Map.entry("cent", "cent"), Map.entry("pence", "penny"), Map.entry("penny", "penny"),
            Map.entry("canadian dollar", "CAD"), Map.entry("japanese yen", "JPY"), Map.entry("franc", "CHF"),
            Map.entry("swiss franc", "CHF"), Map.entry("australian dollar", "AUD"), Map.entry("bitcoin", "BTC"),
            Map.entry("turkish lira", "TRY"), Map.entry("rupee", "INR"), Map.entry("mexican peso", "MXN"),
            Map.entry("hong kong dollar", "HKD"), Map.entry("new zealand dollar", "NZD"),
            Map.entry("finnish markka", "FIM"), Map.entry("peseta", "ESP"), Map.entry("netherlands guilder", "NLG"),
            Map.entry("costa rican colón", "CRC"), Map.entry("georgian lari", "GEL"), Map.entry("lao kip", "LAK"),
            Map.entry("sri lankan rupee", "LKR"), Map.entry("sen", "sen"), Map.entry("satoshi", "satoshi"));

    private final Path specs;
    private final QuantityRecognizer recognizer;
    private final PrintStream out;
    private final boolean verbose;

    public RecognizersTextEval(Path shared, QuantityRecognizer recognizer, PrintStream out, boolean verbose) {
        this.specs = Objects.requireNonNull(shared, "shared").resolve("eval/recognizers-text/Specs");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.out = Objects.requireNonNull(out, "out");
        this.verbose = verbose;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RecognizersTextEval SHARED_DIR [--verbose]");
            System.exit(2);
        }
        boolean verbose = args.length > 1 && args[1].equals("--verbose");
        new RecognizersTextEval(Path.of(args[0]), QuantityRecognizer.create(), System.out, verbose).run();
    }

    /** Measures every spec, printing one line per spec and the total; returns the per-spec tallies. */
    public List<Tally> run() throws IOException {
        List<Tally> tallies = new ArrayList<>();
        int found = 0;
        int expected = 0;
        for (String spec : SPECS) {
            Tally t = measure(spec);
            tallies.add(t);
            found += t.found();
            expected += t.expected();
            out.printf(Locale.ROOT, "%-45s found %4d of %4d  %.3f%n", spec, t.found(), t.expected(), t.rate());
        }
        out.printf(Locale.ROOT, "%-45s found %4d of %4d  %.3f%n", "total", found, expected,
                expected == 0 ? 1.0 : (double) found / expected);
        return tallies;
    }

    private Tally measure(String spec) throws IOException {
        Path file = specs.resolve(spec);
        if (!Files.isRegularFile(file)) {
            throw new IOException("no spec file " + file);
        }
        String kind = spec.contains("Currency") ? "currency" : spec.contains("Range") ? "range"
                : spec.contains("Percent") ? "percent" : "number";
        int found = 0;
        int expected = 0;
        for (JsonNode c : Json.mapper().readTree(file.toFile())) {
            if (skipped(c)) {
                continue;
            }
            String input = c.get("Input").asText();
            List<Quantity> qs = recognizer.recognize(input);
            for (JsonNode r : c.get("Results")) {
                JsonNode res = r.get("Resolution");
                if (res == null || res.get("value") == null || res.get("value").isNull()) {
                    continue;
                }
                expected++;
                boolean ok = qs.stream().anyMatch(q -> matches(kind, res, q));
                if (ok) {
                    found++;
                } else if (verbose) {
                    out.println("  MISS " + spec.substring(spec.lastIndexOf('/') + 1) + " " + Json.write(input)
                            + " expected " + r.get("Text").asText() + " = " + res + " got " + brief(qs));
                }
            }
        }
        return new Tally(spec, found, expected);
    }

    private static String brief(List<Quantity> qs) {
        List<String> s = new ArrayList<>();
        for (Quantity q : qs) {
            s.add(q.text() + "=" + q.value() + (q.low() != null ? "[" + q.low() + "," + q.high() + "]" : "")
                    + (q.unit() != null ? " " + q.unit() : "") + " " + q.qualifier().id());
        }
        return s.toString();
    }

    /** NotSupported lists platforms separated by commas; "javascript" is not "java". */
    static boolean skipped(JsonNode c) {
        JsonNode ns = c.get("NotSupported");
        if (ns == null) {
            return false;
        }
        for (String p : ns.asText().toLowerCase(Locale.ROOT).split("[,\\s]+")) {
            if (p.equals("java")) {
                return true;
            }
        }
        return false;
    }

    static boolean close(Double a, double b) {
        return a != null && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
    }

    static boolean matches(String kind, JsonNode res, Quantity q) {
        String v = res.get("value").asText().strip();
        switch (kind) {
            case "percent": {
                double want = Double.parseDouble(v.replace("%", ""));
                return close(q.value(), want) && "percent".equals(q.unit());
            }
            case "currency": {
                String unit = res.get("unit") == null ? "" : res.get("unit").asText().toLowerCase(Locale.ROOT);
                String iso = CURRENCY_NAMES.getOrDefault(unit, unit);
                return close(q.value(), Double.parseDouble(v)) && iso.equalsIgnoreCase(q.unit());
            }
            case "range":
                return rangeMatches(v, q);
            default:
                return close(q.value(), Double.parseDouble(v));
        }
    }

    private static final Set<Qualifier> LOWER = Set.of(Qualifier.MORE_THAN, Qualifier.AT_LEAST);
    private static final Set<Qualifier> UPPER = Set.of(Qualifier.LESS_THAN, Qualifier.AT_MOST);

    /** "[20,30)", "(30,)", "(,100]", "[170,170]". */
    static boolean rangeMatches(String v, Quantity q) {
        String inner = v.substring(1, v.length() - 1);
        int comma = inner.indexOf(',');
        String lo = inner.substring(0, comma).strip();
        String hi = inner.substring(comma + 1).strip();
        if (!lo.isEmpty() && !hi.isEmpty()) {
            double l = Double.parseDouble(lo);
            double h = Double.parseDouble(hi);
            if (l == h) {
                return close(q.value(), l);
            }
            return close(q.low(), l) && close(q.high(), h);
        }
        if (!lo.isEmpty()) {
            return close(q.value(), Double.parseDouble(lo)) && LOWER.contains(q.qualifier());
        }
        return close(q.value(), Double.parseDouble(hi)) && UPPER.contains(q.qualifier());
    }
}
