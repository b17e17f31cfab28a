package io.newsmetrics.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EnvironmentDefaultsTest {

    private static ServerOptions parse(Map<String, String> env, String... args) {
        UpCommand up = new UpCommand();
        CommandLine cli = new CommandLine(up);
        cli.setDefaultValueProvider(new EnvironmentDefaults(env));
        cli.parseArgs(args);
        return up.server;
    }

    @Test
    void shouldTakeFlagsOverEnvironmentOverFileOverBuiltInDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nm.properties");
        Files.writeString(file, "http-port=7000\npartitions=6\ndata-dir=/srv/nm\n");
        Map<String, String> env = Map.of("NEWSMETRICS_CONFIG", file.toString(), "NEWSMETRICS_HTTP_PORT", "7001");

        ServerOptions fromAll = parse(env, "--http-port", "7002");
        assertEquals(7002, fromAll.httpPort, "a flag wins");
        assertEquals(6, fromAll.partitions, "the file gives what env and flags do not");
        assertEquals(Path.of("/srv/nm"), fromAll.dataDir);

        assertEquals(7001, parse(env).httpPort, "the environment beats the file");
        assertEquals(8080, parse(Map.of()).httpPort, "the built-in default comes last");
    }

    @Test
    void shouldReadKafkasUsualVariableForTheCluster() {
        assertEquals("k1:9092", parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092")).bootstrapServers);
        assertEquals("k2:9092", parse(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092",
                "NEWSMETRICS_BOOTSTRAP_SERVERS", "k2:9092")).bootstrapServers);
        assertNull(parse(Map.of()).bootstrapServers, "no cluster given: the embedded broker");
    }

    @Test
    void shouldRefuseAConfigFileThatCannotBeRead(@TempDir Path dir) {
        Map<String, String> env = Map.of("NEWSMETRICS_CONFIG", dir.resolve("missing.properties").toString());
        assertThrows(java.io.UncheckedIOException.class, () -> new EnvironmentDefaults(env));
    }

    @Test
    void shouldGiveTheAggregatorItsRocksDbBudget() {
        var aggregator = io.newsmetrics.aggregator.AggregatorConfig.defaults("k:9092", Path.of("s"), "h:1");
        assertEquals(256L << 20, parse(Map.of()).tuning().aggregator().apply(aggregator).rocksDbMemoryBytes());
        assertEquals(96L << 20, parse(Map.of("NEWSMETRICS_ROCKSDB_MEMORY_MIB", "96")).tuning().aggregator()
                .apply(aggregator).rocksDbMemoryBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse(Map.of(), "--rocksdb-memory-mib", "0").tuning().aggregator().apply(aggregator));
        assertEquals("--rocksdb-memory-mib must be at least 1, was 0", e.getMessage());
    }

    @Test
    void shouldNameEnvironmentVariablesAfterOptions() {
        assertEquals("NEWSMETRICS_HTTP_PORT", EnvironmentDefaults.envName("http-port"));
        assertEquals("NEWSMETRICS_EXTRACTOR_APPLICATION_ID", EnvironmentDefaults.envName("extractor-application-id"));
    }
}
