package io.newsmetrics.ingest.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Test fixtures of this package (src/test/resources/parse) and the optional shared data folder. */
final class Fixtures {
    private Fixtures() {
    }

    static String html(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/parse/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /parse/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared folder named by system property {@code newsmetrics.shared}, when it exists. */
    static Optional<Path> shared() {
        String dir = System.getProperty("newsmetrics.shared");
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path p = Path.of(dir);
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }
}
