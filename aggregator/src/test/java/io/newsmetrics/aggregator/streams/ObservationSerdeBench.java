package io.newsmetrics.aggregator.streams;

import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.model.Change;
import io.newsmetrics.model.JsonSerde;
import io.newsmetrics.model.Qualifier;
import org.apache.kafka.common.serialization.Serde;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Cost of the history store's value serde: {@link ObservationSerde} against the JSON serde it replaced, over
 * {@value #RECORDS} realistic observations (32-hex event id, key ~30 chars, URL ~70, title ~70, sentence ~200;
 * one sentence in four holds a typographic quote, dash or accented letter, as news text does). Each round
 * serialises all of them, then deserialises all of them; the best of {@value #ROUNDS} rounds after
 * {@value #WARMUP} warm-up rounds is printed as ns per record, with the bytes per record.
 *
 * <p>Reproduce (from the repository root):
 * <pre>
 * mvn -o -q -B -pl aggregator -am test-compile
 * mvn -o -q -B -pl aggregator dependency:build-classpath -Dmdep.outputFile=/tmp/cp-histcodec.txt
 * java -cp model/target/classes:aggregator/target/classes:aggregator/target/test-classes:$(cat /tmp/cp-histcodec.txt) \
 *     io.newsmetrics.aggregator.streams.ObservationSerdeBench
 * </pre>
 * ({@code model/target/classes} first: the classpath file names the model jar of the local repository, which
 * may be older than the reactor's.)
 * Measured 2026-11-29 18:10-18:15 UTC on the shared 2-core host with a load average of 4.5-5.6 (other sessions
 * building), JDK 17; six runs, so the ranges are wide and the lower ends the better estimates:
 * <pre>
 * json   serialize 1257-3359 ns/record, deserialize 1437-3454 ns/record, 776.4 bytes/record
 * binary serialize  421-674  ns/record, deserialize  371-676  ns/record, 531.8 bytes/record
 * </pre>
 * The binary form is 32 % smaller and, run by run, 2.8-7.3x cheaper to write and 3.9-8.6x cheaper to read.
 */
public final class ObservationSerdeBench {
    private static final int RECORDS = 2_000;
    private static final int WARMUP = 30;
    private static final int ROUNDS = 30;
    private static final String TOPIC = "bench-history-changelog";

    private ObservationSerdeBench() {
    }

    public static void main(String[] args) {
        List<Observation> records = realistic(new Random(42));
        measure("json  ", JsonSerde.of(Observation.class), records);
        measure("binary", new ObservationSerde(), records);
    }

    private static void measure(String name, Serde<Observation> serde, List<Observation> records) {
        byte[][] bytes = new byte[records.size()][];
        long bestWrite = Long.MAX_VALUE;
        long bestRead = Long.MAX_VALUE;
        long totalBytes = 0;
        int check = 0;
        for (int round = 0; round < WARMUP + ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = serde.serializer().serialize(TOPIC, records.get(i));
            }
            long t1 = System.nanoTime();
            for (byte[] b : bytes) {
                check += serde.deserializer().deserialize(TOPIC, b).partition();
            }
            long t2 = System.nanoTime();
            if (round >= WARMUP) {
                bestWrite = Math.min(bestWrite, t1 - t0);
                bestRead = Math.min(bestRead, t2 - t1);
            }
        }
        for (int i = 0; i < bytes.length; i++) {
            totalBytes += bytes[i].length;
            if (!serde.deserializer().deserialize(TOPIC, bytes[i]).equals(records.get(i))) {
                throw new AssertionError(name + " did not round trip record " + i);
            }
        }
        System.out.printf("%s serialize %6.0f ns/record, deserialize %6.0f ns/record, %5.1f bytes/record (check %d)%n",
                name, (double) bestWrite / records.size(), (double) bestRead / records.size(),
                (double) totalBytes / records.size(), check);
    }

    private static List<Observation> realistic(Random r) {
        String[] countries = {"brazil", "china", "united-states", "germany", "south-africa", "indonesia", "peru"};
        String[] indicators = {"unemployment-rate", "internet-users", "consumer-price-index", "copper-output",
                "gross-domestic-product", "population"};
        String[] sites = {"https://www.reuters.com/markets/", "https://apnews.com/article/",
                "https://www.theguardian.com/business/2025/aug/01/"};
        String[] flavour = {"’s", " — ", "“", "São Paulo", "Zürich"};
        Qualifier[] qualifiers = Qualifier.values();
        List<Observation> out = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            String country = countries[r.nextInt(countries.length)];
            String indicator = indicators[r.nextInt(indicators.length)];
            String key = country + "/" + indicator;
            byte[] id = new byte[16];
            r.nextBytes(id);
            String site = sites[r.nextInt(sites.length)];
            String url = site + words(r, 70 - 8 - site.length(), "-") + "-" + (100_000 + r.nextInt(900_000));
            String title = capital(words(r, 70, " "));
            String sentence = capital(words(r, 200, " "));
            if (r.nextInt(4) == 0) {
                int at = r.nextInt(sentence.length());
                sentence = sentence.substring(0, at) + flavour[r.nextInt(flavour.length)] + sentence.substring(at);
            }
            double value = Math.round(r.nextDouble() * 1000) / 10.0;
            boolean range = r.nextInt(5) == 0;
            out.add(new Observation(HexFormat.of().formatHex(id), key, country, indicator,
                    capital(indicator.replace('-', ' ')), "20" + (15 + r.nextInt(11)) + (r.nextBoolean() ? "" : "-Q2"),
                    value, range ? value * 0.9 : null, range ? value * 1.1 : null,
                    r.nextBoolean() ? "percent" : "count", r.nextBoolean() ? "%" : "million",
                    qualifiers[r.nextInt(qualifiers.length)], r.nextInt(4) == 0 ? Change.UP : null, url, title,
                    "2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T0" + r.nextInt(10) + ":30:00Z", sentence,
                    r.nextInt(12),
                    r.nextInt(5_000_000), 1_750_000_000_000L + r.nextInt(1_000_000_000)));
        }
        return out;
    }

    private static String words(Random r, int length, String separator) {
        String[] words = {"the", "rate", "rose", "fell", "percent", "million", "quarter", "statistics", "agency",
                "said", "on", "in", "year", "economy", "output", "prices", "record", "growth", "of", "to", "from"};
        StringBuilder b = new StringBuilder(length + 12);
        while (b.length() < length) {
            if (b.length() > 0) {
                b.append(separator);
            }
            b.append(r.nextInt(8) == 0 ? String.valueOf(r.nextInt(1000)) : words[r.nextInt(words.length)]);
        }
        return b.toString();
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
