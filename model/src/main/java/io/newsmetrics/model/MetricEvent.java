package io.newsmetrics.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One metric fact reported by one article: schema version 1 of the {@code metrics} topic.
 * The JSON Schema is {@code schemas/metric-event-v1.json} in this module's resources.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this record
 * @param id            deterministic id: the same fact of the same article always gets the same id
 * @param indicator     canonical indicator id, lowercase-kebab ({@code internet-users})
 * @param label         the phrase as written ("internet user base")
 * @param subject       who or where the figure is about ("China"), or null
 * @param key           aggregation key, {@code subject/indicator} in lowercase-kebab
 * @param value         the number; for a range the midpoint; null when unknown
 * @param low           lower bound of a range, or null
 * @param high          upper bound of a range, or null
 * @param unit          {@code percent}, {@code percentage_point}, {@code count}, an ISO 4217 code or a unit name
 * @param surfaceUnit   the unit as written ("users", "yuan"), or null
 * @param qualifier     how the figure relates to the true value
 * @param change        null for a level, else the direction of a reported change
 * @param period        {@code YYYY}, {@code YYYY-Hn}, {@code YYYY-Qn}, {@code YYYY-MM}, {@code YYYY-MM-DD} or null
 * @param alternatives  the same figure in other units as the text gives them ("($97.5 billion)")
 * @param source        the article that reported it
 * @param evidence      the sentence and offsets of the figure in the article text
 */
public record MetricEvent(int schemaVersion, String id, String indicator, String label, String subject, String key,
                          Double value, Double low, Double high, String unit, String surfaceUnit,
                          Qualifier qualifier, Change change, String period, List<Amount> alternatives,
                          Source source, Evidence evidence) {

    public static final int SCHEMA_VERSION = 1;

    public MetricEvent {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        qualifier = qualifier == null ? Qualifier.EXACT : qualifier;
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** An amount in another unit, e.g. the dollar figure given in brackets after a yuan figure. */
    public record Amount(double value, String unit) {
    }

    /** The article a fact came from. */
    public record Source(String url, String title, String publishedAt) {
        public Source {
            Objects.requireNonNull(url, "url");
        }
    }

    /**
     * Where the fact stands in the article text.
     *
     * @param sentence the sentence holding the figure
     * @param start    offset of the figure's first character in the article text
     * @param end      offset just past the figure's last character
     */
    public record Evidence(String sentence, int start, int end) {
    }

    /**
     * The aggregation key for a subject and an indicator: {@code china/internet-users}, or {@code -/x} when there
     * is no subject or it has no ASCII form.
     */
    public static String keyOf(String subject, String indicator) {
        String s = subject == null ? "" : kebab(subject);
        return (s.isEmpty() ? "-" : s) + "/" + indicator;
    }

    /**
     * Lowercase ASCII kebab form of a phrase: "Home Depot's" becomes {@code home-depot-s}, "Zürich" {@code zurich};
     * letters with no ASCII form are dropped, so a phrase may fold to the empty string.
     */
    public static String kebab(String phrase) {
        String folded = java.text.Normalizer.normalize(phrase, java.text.Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(folded.length());
        boolean dash = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = Character.toLowerCase(folded.charAt(i));
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // the accent of a decomposed letter: "u" + "¨" reads as "u"
            }
            if (c < 128 && Character.isLetterOrDigit(c)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                out.append(c);
                dash = false;
            } else {
                dash = true;
            }
        }
        return out.toString();
    }

    /**
     * The deterministic id of a fact: a hash of the article's canonical URL and what the fact says,
     * so a re-run over the same article yields the same id and a restatement in the title collapses.
     */
    public static String idOf(String articleKey, String key, Double value, Double low, Double high, String unit,
                              Change change, String period) {
        String identity = String.join("|", articleKey, key, String.valueOf(value), String.valueOf(low),
                String.valueOf(high), unit, String.valueOf(change), String.valueOf(period));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
