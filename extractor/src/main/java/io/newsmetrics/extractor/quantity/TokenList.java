package io.newsmetrics.extractor.quantity;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The tokens of a text, kept in parallel arrays; a {@link Token} object is made for a position only when it is
 * first asked for. The recogniser's first pass looks at every token through {@link #kind}, {@link #isSymbol}
 * and {@link #in} alone, and only the few near a possible figure are ever read as objects, so an article of a
 * thousand tokens costs a few arrays instead of a thousand objects.
 */
final class TokenList extends AbstractList<Token> implements RandomAccess {
    private static final Token.Kind[] KINDS = Token.Kind.values();
    private static final int SPACE = 1 << 4;
    private static final int FOLDS = 1 << 5;
    private static final int MARKED = 1 << 6;
    private static final int KIND = 0xF;

    private final String source;
    private int size;
    private int[] starts;
    private int[] ends;
    /** Kind ordinal, {@link #SPACE}, {@link #FOLDS} and {@link #MARKED}. */
    private byte[] flags;
    private Token[] made;
    /** The values of the number tokens, few in any text, and the positions of those tokens in ascending order. */
    private double[] numbers = new double[16];
    private int[] numberAt = new int[16];
    private int numberCount;

    TokenList(String source, int capacity) {
        this.source = source;
        starts = new int[capacity];
        ends = new int[capacity];
        flags = new byte[capacity];
        made = new Token[capacity];
    }

    /** Appends a token; see {@link Token#Token} for the arguments. */
    void add(Token.Kind kind, int start, int end, boolean folds, double number, boolean spaceBefore) {
        add(kind, start, end, folds, number, spaceBefore, false);
    }

    /** Appends a token, {@code marked} as one of the tokenizer's marked words or not. */
    void add(Token.Kind kind, int start, int end, boolean folds, double number, boolean spaceBefore,
             boolean marked) {
        if (size == starts.length) {
            int capacity = Math.max(16, size + (size >> 1));
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            flags = Arrays.copyOf(flags, capacity);
            made = Arrays.copyOf(made, capacity);
        }
        starts[size] = start;
        ends[size] = end;
        flags[size] = (byte) (kind.ordinal() | (spaceBefore ? SPACE : 0) | (folds ? FOLDS : 0)
                | (marked ? MARKED : 0));
        if (kind == Token.Kind.NUMBER) {
            if (numberCount == numbers.length) {
                numbers = Arrays.copyOf(numbers, numberCount * 2);
                numberAt = Arrays.copyOf(numberAt, numberCount * 2);
            }
            numbers[numberCount] = number;
            numberAt[numberCount++] = size;
        } else if (!Double.isNaN(number)) {
            throw new IllegalArgumentException("only number tokens have a value: " + kind + " " + number);
        }
        size++;
    }

    @Override
    public Token get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("token " + i + " of " + size);
        }
        Token t = made[i];
        if (t == null) {
            int f = flags[i];
            Token.Kind kind = KINDS[f & KIND];
            double number = kind == Token.Kind.NUMBER ? numbers[Arrays.binarySearch(numberAt, 0, numberCount, i)]
                    : Double.NaN;
            t = new Token(source, kind, starts[i], ends[i], (f & FOLDS) != 0, number, (f & SPACE) != 0);
            made[i] = t;
        }
        return t;
    }

    @Override
    public int size() {
        return size;
    }

    // Questions about a token answered from the arrays: the recogniser asks them of many tokens it never reads
    // as text, which then need no object. Like get, they fail for a position past the last token.

    Token.Kind kind(int i) {
        check(i);
        return KINDS[flags[i] & KIND];
    }

    boolean isWord(int i) {
        return kind(i) == Token.Kind.WORD;
    }

    boolean isNumber(int i) {
        return kind(i) == Token.Kind.NUMBER;
    }

    /** Whether whitespace separates token {@code i} from the previous one ({@link Token#spaceBefore}). */
    boolean spaceBefore(int i) {
        check(i);
        return (flags[i] & SPACE) != 0;
    }

    /** Whether token {@code i} is glued to the previous one ({@link Token#glued}). */
    boolean glued(int i) {
        return !spaceBefore(i);
    }

    /** {@link Token#is} of token {@code i}, compared in place unless the token was made or is not ASCII. */
    boolean is(int i, String lowerText) {
        check(i);
        Token made = this.made[i];
        if (made != null) {
            return made.is(lowerText);
        }
        Boolean ascii = TextSpan.asciiLowerIs(source, starts[i], ends[i], (flags[i] & FOLDS) != 0, lowerText);
        return ascii != null ? ascii : get(i).is(lowerText); // full Unicode case mapping
    }

    private void check(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("token " + i + " of " + size);
        }
    }

    /** Number of characters of token {@code i} as written. */
    int length(int i) {
        return ends[i] - starts[i];
    }

    /** Whether token {@code i} is the symbol {@code c}. */
    boolean isSymbol(int i, char c) {
        return kind(i) == Token.Kind.SYMBOL && source.charAt(starts[i]) == c;
    }

    /** Whether token {@code i} is a word the tokenizer was asked to mark. */
    boolean marked(int i) {
        return (flags[i] & MARKED) != 0;
    }

    /** Whether the lookup form of token {@code i} ({@link Token#lower()}) is a key of {@code words}. */
    boolean in(int i, WordMap<?> words) {
        return lookup(i, words) != null;
    }

    /** The value of the lookup form of token {@code i} ({@link Token#lower()}) in {@code words}, or null. */
    <V> V lookup(int i, WordMap<V> words) {
        check(i);
        return words.get(source, starts[i], ends[i], (flags[i] & FOLDS) != 0);
    }
}
