package io.newsmetrics.launcher;

import io.newsmetrics.extractor.quantity.QuantityRecognizer;
import io.newsmetrics.model.Json;
import picocli.CommandLine.Command;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code newsmetrics quantities}: offline: every quantity in each line of stdin. */
@Command(name = "quantities", mixinStandardHelpOptions = true,
        description = "Offline: read sentences from stdin, one per line; print one JSON line per input line with its quantities.")
final class QuantitiesCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        QuantityRecognizer recognizer = QuantityRecognizer.create();
        PrintStream out = Output.utf8Stdout();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("text", line);
                result.put("quantities", recognizer.recognize(line));
                out.println(Json.write(result));
            }
        }
        out.flush();
        return 0;
    }
}
