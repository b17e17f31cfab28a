/**
 * Quantities in English text: {@link io.newsmetrics.extractor.quantity.QuantityRecognizer} turns text into
 * {@link io.newsmetrics.extractor.quantity.Quantity} records (value or range, unit, qualifier, change). One linear
 * token scan, no regular expressions; the word lists are text resources beside the classes ({@code units.tsv},
 * {@code currencies.tsv}, {@code scales.tsv}, {@code qualifiers.tsv}, {@code changes.tsv},
 * {@code function-words.txt}) and can be extended without code changes.
 */
package io.newsmetrics.extractor.quantity;
