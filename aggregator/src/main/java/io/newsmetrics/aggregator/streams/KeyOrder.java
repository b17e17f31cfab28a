package io.newsmetrics.aggregator.streams;

import java.util.Comparator;

/** Orders of store keys. */
final class KeyOrder {
    /**
     * The order of the keys' UTF-8 bytes, in which RocksDB iterates a store of String keys: code point order. It
     * differs from {@link String#compareTo} (UTF-16 order) where a supplementary character (a surrogate pair)
     * meets a character from U+E000 to U+FFFF.
     */
    static final Comparator<String> UTF8 = KeyOrder::compareUtf8;

    private KeyOrder() {
    }

    private static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (x >= Character.MIN_SURROGATE && y >= Character.MIN_SURROGATE) {
                    // surrogates (code points past U+FFFF) sort after U+E000..U+FFFF in code point order
                    return shifted(x) - shifted(y);
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    private static int shifted(char c) {
        return c <= Character.MAX_SURROGATE ? c + 0x2000 : c - 0x800;
    }
}
