package io.newsmetrics.extractor.quantity;

import io.newsmetrics.model.Change;
import io.newsmetrics.model.Qualifier;

/**
 * One quantity found in text.
 *
 * @param text        the figure as written, from a currency sign or number to its unit ("$12.9bn", "10-15%")
 * @param start       offset of {@code text} in the input
 * @param end         offset just past {@code text}
 * @param value       the normalised number (scale words applied); for a range the midpoint
 * @param low         lower bound of a range, else null
 * @param high        upper bound of a range, else null
 * @param unit        {@code percent}, {@code percentage_point}, {@code count} (a counted noun), an ISO 4217 code,
 *                    a unit name ({@code km}, {@code GW}, {@code day}), or null for a bare number
 * @param surfaceUnit the unit as written ("users", "yuan", "%"), or null
 * @param qualifier   how the figure relates to the true value ("more than" is {@code MORE_THAN})
 * @param change      null for a level, else the direction of a reported change ("rose 5%")
 * @param concept     the words the figure is about, as a short phrase, or null
 */
public record Quantity(String text, int start, int end, Double value, Double low, Double high,
                       String unit, String surfaceUnit, Qualifier qualifier, Change change, String concept) {
}
