package io.newsmetrics.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Defaults for every option from the environment, then from a properties file, before the built-in
 * default: {@code --http-port} is read from {@code NEWSMETRICS_HTTP_PORT}, then from the key
 * {@code http-port} of the file named by {@code NEWSMETRICS_CONFIG} (or {@code ./newsmetrics.properties}
 * when it exists). {@code --bootstrap-servers} also honours Kafka's usual {@code KAFKA_BOOTSTRAP_SERVERS}.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String CONFIG_ENV = "NEWSMETRICS_CONFIG";
    static final String DEFAULT_CONFIG_FILE = "newsmetrics.properties";

    private final Map<String, String> env;
    private final Properties file;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
        this.file = load(env.get(CONFIG_ENV));
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String name = option.longestName().substring(2);
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        if ("bootstrap-servers".equals(name) && env.get("KAFKA_BOOTSTRAP_SERVERS") != null) {
            return env.get("KAFKA_BOOTSTRAP_SERVERS");
        }
        return file.getProperty(name);
    }

    /** {@code http-port} becomes {@code NEWSMETRICS_HTTP_PORT}. */
    static String envName(String option) {
        return "NEWSMETRICS_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Properties load(String configured) {
        Properties props = new Properties();
        Path path = Path.of(configured == null || configured.isBlank() ? DEFAULT_CONFIG_FILE : configured);
        if (configured == null && !Files.isRegularFile(path)) {
            return props;
        }
        try (Reader in = Files.newBufferedReader(path)) {
            props.load(in);
            return props;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration file " + path + " named by " + CONFIG_ENV, e);
        }
    }
}
