package io.newsmetrics.launcher;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output as UTF-8 whatever the platform default, buffered, for JSON lines. */
final class Output {
    private Output() {
    }

    /** Wraps the current {@code System.out} (so tests can replace it); flush when done. */
    static PrintStream utf8Stdout() {
        return new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, StandardCharsets.UTF_8);
    }
}
