package io.newsmetrics.extractor.quantity;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable map from words to values that can be asked about a region of text ("the lowercase form of chars
 * [start, end) of this sentence") without building a String: the lookups of the recogniser run once per word of
 * an article, and building a lowercase copy of every word only to find most of them absent was its main cost.
 * Regions are hashed and compared in place, folded char by char as {@link String#toLowerCase} folds them (the few
 * characters it maps otherwise take its own path), so answers always equal those of a {@code Map<String, V>}
 * asked with {@code region.toLowerCase(Locale.ROOT)}, or with the region itself when not folding.
 *
 * @param <V> the value type
 */
public final class WordMap<V> {
    /** The one char beyond ASCII whose lowercase is an ASCII letter ('k'), besides the special 'İ'. */
    static final char KELVIN_SIGN = '\u212A';

    private final String[] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;
    /** 32 minus the number of bits of a slot index. */
    private final int shift;
    private final int maxLength;
    private final int size;
    /** Bit {@code 26 * a + b} is set when some key begins with the ASCII letters a, b (0 = 'a'). */
    private final long[] letterPairs = new long[(26 * 26 + 63) / 64];
    /** Bit {@code c} is set when some key begins with the ASCII char c. */
    private final long[] asciiFirst = new long[2];
    /** Whether some key begins with a char beyond ASCII. */
    private final boolean otherFirst;
    /** Whether every char of every key is ASCII. */
    private final boolean asciiKeys;

    private WordMap(Map<String, ? extends V> entries) {
        int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 3)) << 1;
        keys = new String[capacity];
        hashes = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        shift = Integer.numberOfLeadingZeros(capacity) + 1;
        int max = 0;
        boolean other = false;
        boolean ascii = true;
        for (Map.Entry<String, ? extends V> e : entries.entrySet()) {
            String k = Objects.requireNonNull(e.getKey(), "key");
            int h = k.hashCode();
            int i = slot(h);
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            hashes[i] = h;
            values[i] = Objects.requireNonNull(e.getValue(), "value of " + k);
            max = Math.max(max, k.length());
            int pair = letterPair(k.length() < 2 ? -1 : k.charAt(0), k.length() < 2 ? -1 : k.charAt(1));
            if (pair >= 0) {
                letterPairs[pair >>> 6] |= 1L << pair;
            }
            ascii &= k.chars().allMatch(c -> c < 128);
            if (!k.isEmpty() && k.charAt(0) < 128) {
                asciiFirst[k.charAt(0) >>> 6] |= 1L << k.charAt(0);
            } else if (!k.isEmpty()) {
                other = true;
            }
        }
        otherFirst = other;
        asciiKeys = ascii;
        maxLength = max;
        size = entries.size();
    }

    /** A map holding the given entries; keys are looked up as they are (lowercase keys for folded lookups). */
    public static <V> WordMap<V> of(Map<String, ? extends V> entries) {
        return new WordMap<>(Objects.requireNonNull(entries, "entries"));
    }

    /** A set of words: every value is {@link Boolean#TRUE}. */
    public static WordMap<Boolean> setOf(Iterable<String> words) {
        Objects.requireNonNull(words, "words");
        java.util.HashMap<String, Boolean> m = new java.util.HashMap<>();
        for (String w : words) {
            m.put(w, Boolean.TRUE);
        }
        return new WordMap<>(m);
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    V get(String key) {
        int h = key.hashCode();
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && keys[i].equals(key)) {
                return value(i);
            }
        }
        return null;
    }

    boolean contains(String key) {
        return get(key) != null;
    }

    /**
     * The value of the region {@code [start, end)} of {@code text}, lowercased first when {@code fold} (as
     * {@code toLowerCase(Locale.ROOT)} would), or null.
     */
    public V get(CharSequence text, int start, int end, boolean fold) {
        int n = end - start;
        if (n > maxLength) {
            return null; // lowercasing never shortens a string
        }
        // one pass folds and hashes the region and rules it out as early as it can: by its first char (a word of
        // another script), its first two letters, or a char beyond ASCII when every key is ASCII
        int h = 0;
        int previous = 0;
        for (int i = start; i < end; i++) {
            char raw = text.charAt(i);
            if (raw >= 128 && asciiKeys && !(fold && raw == KELVIN_SIGN)) {
                return null; // no other char beyond ASCII lowercases to ASCII: spares the case tables
            }
            int c = fold ? fold(raw) : raw;
            if (c < 0) {
                return get(text.subSequence(start, end).toString().toLowerCase(Locale.ROOT)); // full case mapping
            }
            if (c >= 128 && asciiKeys) {
                return null;
            }
            if (i == start) {
                if (c >= 128 ? !otherFirst : (asciiFirst[c >>> 6] & (1L << c)) == 0) {
                    return null;
                }
            } else if (i == start + 1) {
                int pair = letterPair(previous, c);
                if (pair >= 0 && (letterPairs[pair >>> 6] & (1L << pair)) == 0) {
                    return null;
                }
            }
            previous = c;
            h = 31 * h + c;
        }
        for (int i = slot(h); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && regionEquals(keys[i], text, start, n, fold)) {
                return value(i);
            }
        }
        return null;
    }

    /**
     * Whether the lowercase form of the ASCII chars [start, end) of {@code text} is a key, given its
     * {@link String#hashCode} (made by the caller as it read the chars).
     */
    boolean containsLowerAscii(String text, int start, int end, int hash) {
        int n = end - start;
        if (n > maxLength || n == 0) {
            return false;
        }
        // the tokenizer asks about every word of an article and most begin no key: two bitmap tests (in the first
        // level cache) rule them out before the probe reads the tables
        int first = lowerAscii(text.charAt(start));
        if ((asciiFirst[first >>> 6] & (1L << first)) == 0) {
            return false;
        }
        int pair = n < 2 ? -1 : letterPair(first, lowerAscii(text.charAt(start + 1)));
        if (pair >= 0 && (letterPairs[pair >>> 6] & (1L << pair)) == 0) {
            return false;
        }
        for (int i = slot(hash); keys[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == hash && asciiRegionEquals(keys[i], text, start, n)) {
                return true;
            }
        }
        return false;
    }

    private static int lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    private static boolean asciiRegionEquals(String key, String text, int start, int n) {
        if (key.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (lowerAscii(text.charAt(start + i)) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public boolean contains(CharSequence text, int start, int end, boolean fold) {
        return get(text, start, end, fold) != null;
    }

    /** The value of a span's lookup form ({@link TextSpan#lower()}), or null; the form is not made. */
    public V get(TextSpan t) {
        return get(t.source(), t.start(), t.end(), t.folds());
    }

    /** Whether a span's lookup form ({@link TextSpan#lower()}) is a key; the form is not made. */
    public boolean contains(TextSpan t) {
        return get(t) != null;
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    private static boolean regionEquals(String key, CharSequence text, int start, int n, boolean fold) {
        if (key.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(start + i);
            if ((fold ? fold(c) : c) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What {@link String#toLowerCase(Locale)} with {@link Locale#ROOT} makes of {@code c} when it maps it to one
     * char, or -1 for the characters it treats specially: 'İ' (which gains a combining dot), 'Σ' (whose lowercase
     * depends on its place in the word) and surrogates (mapped as code points).
     */
    public static int fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        if (c == '\u0130' || c == '\u03A3' || Character.isSurrogate(c)) {
            return -1;
        }
        int l = Character.toLowerCase((int) c);
        return Character.isBmpCodePoint(l) ? l : -1;
    }

    /** The index of two lowercase ASCII letters among the 26 x 26 pairs, or -1 for other chars. */
    private static int letterPair(int a, int b) {
        return a >= 'a' && a <= 'z' && b >= 'a' && b <= 'z' ? 26 * (a - 'a') + (b - 'a') : -1;
    }

    /**
     * The home slot of a hash: its Fibonacci product's top bits. Short words have small, nearly consecutive
     * String hashes ("usd", "use"), which as slot indexes form long runs that every miss walks to their end.
     */
    private int slot(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }
}
