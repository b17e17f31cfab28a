package io.newsmetrics.launcher;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Standard output as UTF-8 whatever the platform default, buffered, for JSON lines. */
final class Output {
    private Output() {
    }

    static PrintStream utf8Stdout() {
        return new PrintStream(new java.io.BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8);
    }
}
