package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.Qualifier;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObservationSerdeTest {
    private static final String TOPIC = "agg-indicators-history-store-changelog";
    private final ObservationSerde serde = new ObservationSerde();

    static Observation full() {
        return new Observation("e-7f3a9c", "brazil/unemployment-rate", "brazil", "unemployment-rate",
                "Unemployment rate", "2025-Q2", 6.2, 6.0, 6.4, "percent", "per cent", Qualifier.APPROX, Change.DOWN,
                "https://news.example.com/2025/08/01/brazil-jobless-rate-falls-to-record-low?ref=rss",
                "Brazil's jobless rate falls to a record low", "2025-08-01T09:30:00Z",
                "Brazil's unemployment rate fell to about 6.2% in the second quarter, the statistics agency said.",
                3, 1_234_567L, 1_754_040_600_000L);
    }

    static Observation minimal() {
        return new Observation("e", "k/x", null, null, null, null, null, null, null, "count", null, null, null,
                "https://s.example/", null, null, null, 0, 0, 0);
    }

    private Observation roundTrip(Observation o) {
        return serde.deserialize(TOPIC, serde.serialize(TOPIC, o));
    }

    private static Observation withStrings(Observation o, String s) {
        return new Observation(s, s, s, s, s, s, o.value(), o.low(), o.high(), s, s, o.qualifier(), o.change(), s, s,
                s, s, o.partition(), o.offset(), o.timestamp());
    }

    private static Observation withNumbers(Observation o, Double v, Double low, Double high, int partition, long offset,
                                           long timestamp) {
        return new Observation(o.eventId(), o.key(), o.subject(), o.indicator(), o.label(), o.period(), v, low, high,
                o.unit(), o.surfaceUnit(), o.qualifier(), o.change(), o.sourceUrl(), o.sourceTitle(), o.publishedAt(),
                o.sentence(), partition, offset, timestamp);
    }

    @Test
    void shouldRoundTripFullAndMinimalObservations() {
        assertEquals(full(), roundTrip(full()));
        assertEquals(minimal(), roundTrip(minimal()));
        byte[] bytes = serde.serialize(TOPIC, full());
        assertEquals(ObservationSerde.FORMAT_TAG, bytes[0]);
    }

    @Test
    void shouldRoundTripNullInEveryNullableField() throws ReflectiveOperationException {
        RecordComponent[] components = Observation.class.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<Observation> constructor = Observation.class.getDeclaredConstructor(types);
        Set<String> required = Set.of("eventId", "key", "unit", "sourceUrl");
        int nulled = 0;
        for (int i = 0; i < components.length; i++) {
            if (types[i].isPrimitive() || required.contains(components[i].getName())) {
                continue;
            }
            Object[] args = new Object[components.length];
            for (int j = 0; j < components.length; j++) {
                args[j] = j == i ? null : components[j].getAccessor().invoke(full());
            }
            Observation o = constructor.newInstance(args);
            Observation back = roundTrip(o);
            assertEquals(o, back, components[i].getName());
            assertNull(components[i].getAccessor().invoke(back), components[i].getName());
            nulled++;
        }
        assertEquals(13, nulled, "every nullable field was tried");
    }

    @Test
    void shouldRoundTripNullsAndEmptyStringsAsDifferentValues() {
        Observation empty = new Observation("", "", "", "", "", "", null, null, null, "", "", null, null, "", "", "",
                "", 0, 0, 0);
        Observation back = roundTrip(empty);
        assertEquals(empty, back);
        assertEquals("", back.subject(), "an empty string stays empty, not null");
        assertNull(roundTrip(minimal()).subject(), "null stays null, not empty");
    }

    @Test
    void shouldRoundTripNonAsciiEmojiAndUnpairedSurrogates() {
        String[] texts = {
                "São Paulo – população: 12,3 milhões “aprox.”",
                "中国互联网用户达到10.9亿",
                "growth 📈 of 5% 🇧🇷",
                "lone high \uD83D at the middle",
                "lone low \uDC4D at the middle",
                "\uD83D",                       // a high surrogate alone
                "\uDC4D",                       // a low surrogate alone
                "ends with a high \uD83D",
                "\uDC4D\uD83D",                 // reversed pair: both unpaired
                "pair then lone: \uD83D\uDE00\uD83D",
                "\u0000 nul and \u007F del and \u0080 and \uFFFF",
        };
        for (String t : texts) {
            Observation o = withStrings(full(), t);
            Observation back = roundTrip(o);
            assertEquals(o, back, t);
            assertEquals(t, back.sentence());
        }
    }

    @Test
    void shouldWriteUtf8WhenNoSurrogateIsUnpaired() {
        String text = "growth 📈 in São Paulo";
        byte[] bytes = serde.serialize(TOPIC, withStrings(minimal(), text));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // the eventId is the first field: one header byte, then exactly the UTF-8 bytes
        assertEquals((utf8.length << 1) + 1, bytes[1]);
        assertArrayEquals(utf8, Arrays.copyOfRange(bytes, 2, 2 + utf8.length));
    }

    @Test
    void shouldRoundTripVeryLongStrings() {
        String ascii = "a".repeat(1 << 20);
        String mixed = "é中📈\uD83D".repeat(1 << 18);
        assertEquals(withStrings(full(), ascii), roundTrip(withStrings(full(), ascii)));
        assertEquals(withStrings(full(), mixed), roundTrip(withStrings(full(), mixed)));
        String utf8Mixed = "é中📈x".repeat(1 << 18);
        assertEquals(withStrings(full(), utf8Mixed), roundTrip(withStrings(full(), utf8Mixed)));
    }

    @Test
    void shouldRoundTripExtremeNumbersBitExactly() {
        long[] longs = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1, 63, 64, -64, -65, 1L << 35, Integer.MIN_VALUE};
        int[] ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 63, 64, -65};
        double[] doubles = {Double.NaN, Double.longBitsToDouble(0x7FF0_0000_0000_0001L),
                Double.longBitsToDouble(0xFFF8_0000_DEAD_BEEFL), -0.0, 0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, -1.5e-300};
        for (int i = 0; i < longs.length; i++) {
            for (int j = 0; j < doubles.length; j++) {
                int partition = ints[(i + j) % ints.length];
                long offset = longs[i];
                long timestamp = longs[(i + j) % longs.length];
                Double v = doubles[j];
                Double low = doubles[(j + 1) % doubles.length];
                Double high = doubles[(j + 2) % doubles.length];
                Observation o = withNumbers(full(), v, low, high, partition, offset, timestamp);
                Observation back = roundTrip(o);
                assertEquals(o, back);
                assertEquals(partition, back.partition());
                assertEquals(offset, back.offset());
                assertEquals(timestamp, back.timestamp());
                assertEquals(Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(back.value()), "value " + v);
                assertEquals(Double.doubleToRawLongBits(low), Double.doubleToRawLongBits(back.low()), "low " + low);
                assertEquals(Double.doubleToRawLongBits(high), Double.doubleToRawLongBits(back.high()), "high " + high);
            }
        }
    }

    @Test
    void shouldReadJsonWrittenBefore() {
        JsonSerde<Observation> json = JsonSerde.of(Observation.class);
        for (Observation o : new Observation[]{full(), minimal(), withStrings(full(), "São Paulo 📈 中国")}) {
            byte[] bytes = json.serialize(TOPIC, o);
            assertEquals('{', bytes[0]);
            assertEquals(o, serde.deserialize(TOPIC, bytes));
            byte[] padded = ("\n \t" + new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            assertEquals(o, serde.deserialize(TOPIC, padded), "JSON after whitespace");
        }
    }

    @Test
    void shouldMapNullToNullBothWays() {
        assertNull(serde.serialize(TOPIC, null));
        assertNull(serde.deserialize(TOPIC, null));
    }

    @Test
    void shouldRejectEveryTruncation() {
        for (Observation o : new Observation[]{full(), minimal(), withStrings(full(), "lone \uD83D high 📈"),
                withNumbers(full(), Double.NaN, null, -0.0, -1, Long.MIN_VALUE, Long.MAX_VALUE)}) {
            byte[] bytes = serde.serialize(TOPIC, o);
            for (int n = 0; n < bytes.length; n++) {
                byte[] prefix = Arrays.copyOf(bytes, n);
                SerializationException e = assertThrows(SerializationException.class,
                        () -> serde.deserialize(TOPIC, prefix), "prefix of " + n + " of " + bytes.length + " bytes");
                assertTrue(e.getMessage().contains(TOPIC), e.getMessage());
                if (n > 0) {
                    assertTrue(e.getMessage().contains("(" + n + " bytes)"), e.getMessage());
                    assertTrue(e.getMessage().contains("in field '"), e.getMessage());
                }
            }
        }
    }

    @Test
    void shouldRejectTrailingBytes() {
        byte[] bytes = serde.serialize(TOPIC, full());
        for (byte extra : new byte[]{0, 1, 0x7B, (byte) 0xFF}) {
            byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
            longer[bytes.length] = extra;
            SerializationException e = assertThrows(SerializationException.class,
                    () -> serde.deserialize(TOPIC, longer));
            assertTrue(e.getMessage().contains("trailing"), e.getMessage());
        }
    }

    @Test
    void shouldRejectUnknownFirstByte() {
        byte[] bytes = serde.serialize(TOPIC, full());
        for (byte tag : new byte[]{0x00, 0x02, (byte) 0x81, (byte) 0xFF, '['}) {
            byte[] other = bytes.clone();
            other[0] = tag;
            SerializationException e = assertThrows(SerializationException.class,
                    () -> serde.deserialize(TOPIC, other));
            assertTrue(e.getMessage().contains("first byte"), e.getMessage());
        }
        assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, new byte[0]));
    }

    @Test
    void shouldRejectUnknownEnumNameAndBadVarints() {
        // qualifier "APPROX" replaced by a name of the same length that no constant has
        byte[] bytes = serde.serialize(TOPIC, full());
        byte[] approx = "APPROX".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, approx);
        byte[] renamed = bytes.clone();
        System.arraycopy("APPROZ".getBytes(StandardCharsets.US_ASCII), 0, renamed, at, approx.length);
        SerializationException e = assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, renamed));
        assertTrue(e.getMessage().contains("qualifier") && e.getMessage().contains("APPROZ"), e.getMessage());

        // lowercase JSON ids are not names
        System.arraycopy("approx".getBytes(StandardCharsets.US_ASCII), 0, renamed, at, approx.length);
        assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, renamed));

        // a varint of 11 continuation bytes as the first string header
        byte[] endless = new byte[20];
        endless[0] = ObservationSerde.FORMAT_TAG;
        Arrays.fill(endless, 1, 20, (byte) 0x80);
        e = assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, endless));
        assertTrue(e.getMessage().contains("eventId"), e.getMessage());

        // a non-minimal varint header (0x81 0x00 for the header 1)
        byte[] padded = {ObservationSerde.FORMAT_TAG, (byte) 0x81, 0x00};
        e = assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, padded));
        assertTrue(e.getMessage().contains("minimal"), e.getMessage());
    }

    @Test
    void shouldRejectMissingRequiredField() {
        // a null eventId (header 0) where the record requires one
        byte[] bytes = serde.serialize(TOPIC, minimal());
        byte[] noId = new byte[bytes.length - 1];
        noId[0] = ObservationSerde.FORMAT_TAG;
        noId[1] = 0;
        System.arraycopy(bytes, 3, noId, 2, bytes.length - 3); // minimal's eventId "e" is 2 bytes: header, 'e'
        SerializationException e = assertThrows(SerializationException.class, () -> serde.deserialize(TOPIC, noId));
        assertTrue(e.getMessage().contains("eventId"), e.getMessage());
    }

    @Test
    void shouldRoundTripRandomObservations() {
        Random random = new Random(20261129);
        int nonUtf8 = 0;
        for (int i = 0; i < 2_000; i++) {
            Observation o = randomObservation(random);
            byte[] bytes = serde.serialize(TOPIC, o);
            Observation back = serde.deserialize(TOPIC, bytes);
            assertEquals(o, back, "observation " + i);
            assertEquals(Arrays.toString(strings(o)), Arrays.toString(strings(back)));
            for (int k = 0; k < 3; k++) {
                Double a = k == 0 ? o.value() : k == 1 ? o.low() : o.high();
                Double b = k == 0 ? back.value() : k == 1 ? back.low() : back.high();
                assertEquals(a == null ? null : Double.doubleToRawLongBits(a),
                        b == null ? null : Double.doubleToRawLongBits(b));
            }
            nonUtf8 += utf8Loses(o.sentence()) ? 1 : 0;
        }
        assertTrue(nonUtf8 > 50, "the generator makes strings UTF-8 cannot carry, made " + nonUtf8);
    }

    @Test
    void shouldBeSmallerThanJson() {
        Observation o = full();
        int json = JsonSerde.of(Observation.class).serialize(TOPIC, o).length;
        int binary = serde.serialize(TOPIC, o).length;
        System.out.println("typical observation: JSON " + json + " bytes, binary " + binary + " bytes");
        assertTrue(binary < json * 3 / 4, "binary " + binary + " bytes against JSON " + json);
    }

    @Test
    void shouldServeAsItsOwnSerializerAndDeserializer() {
        assertNotNull(serde.serializer());
        assertEquals(full(), serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, full())));
    }

    private static String[] strings(Observation o) {
        return new String[]{o.eventId(), o.key(), o.subject(), o.indicator(), o.label(), o.period(), o.unit(),
                o.surfaceUnit(), o.sourceUrl(), o.sourceTitle(), o.publishedAt(), o.sentence()};
    }

    private static boolean utf8Loses(String s) {
        return s != null && !s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    static Observation randomObservation(Random r) {
        Qualifier[] qualifiers = Qualifier.values();
        Change[] changes = Change.values();
        return new Observation(text(r, false), text(r, false), text(r, true), text(r, true), text(r, true),
                text(r, true), number(r), number(r), number(r), text(r, false), text(r, true),
                r.nextInt(4) == 0 ? null : qualifiers[r.nextInt(qualifiers.length)],
                r.nextInt(3) == 0 ? null : changes[r.nextInt(changes.length)], text(r, false), text(r, true),
                text(r, true), text(r, true), r.nextInt(8) == 0 ? r.nextInt() : r.nextInt(64) - 1,
                r.nextInt(8) == 0 ? r.nextLong() : r.nextInt(1 << 20),
                r.nextInt(8) == 0 ? r.nextLong() : 1_700_000_000_000L + r.nextInt());
    }

    private static Double number(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> null;
            case 1 -> Double.longBitsToDouble(r.nextLong()); // any bits, NaN payloads included
            case 2 -> r.nextBoolean() ? -0.0 : Double.NaN;
            default -> r.nextDouble() * Math.pow(10, r.nextInt(13));
        };
    }

    /** A random string over ASCII, Latin-1, CJK, emoji and lone surrogates; null sometimes when allowed. */
    private static String text(Random r, boolean nullable) {
        if (nullable && r.nextInt(6) == 0) {
            return null;
        }
        int n = r.nextInt(5) == 0 ? r.nextInt(400) : r.nextInt(40);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(20);
            if (kind < 10) {
                b.append((char) (0x20 + r.nextInt(0x5F)));
            } else if (kind < 13) {
                b.append((char) (0xA0 + r.nextInt(0x60)));
            } else if (kind < 15) {
                b.append((char) (0x4E00 + r.nextInt(0x5000)));
            } else if (kind < 17) {
                b.appendCodePoint(0x1F300 + r.nextInt(0x300));
            } else if (kind == 17) {
                b.append((char) (0xD800 + r.nextInt(0x400))); // high surrogate, maybe left unpaired
            } else if (kind == 18) {
                b.append((char) (0xDC00 + r.nextInt(0x400))); // low surrogate, maybe left unpaired
            } else {
                b.append((char) r.nextInt(0x80)); // control characters too
            }
        }
        return b.toString();
    }
}
