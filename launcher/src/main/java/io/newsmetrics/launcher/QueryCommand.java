package io.newsmetrics.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code newsmetrics query [KEY]}: the latest values from the aggregator's HTTP API. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print the latest value of every indicator, or of one key (e.g. china/internet-users), as JSON.")
final class QueryCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "KEY", description = "Indicator key subject/indicator; all when omitted.")
    String key;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "Base URL of any aggregator instance (default: ${DEFAULT-VALUE}).")
    URI base;

    @Override
    public Integer call() throws Exception {
        String path = key == null ? "/indicators" : "/indicators/" + encodeKey(key);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach the aggregator at " + base + " (is 'newsmetrics up' running?)", e);
        }
        if (response.statusCode() == 200) {
            System.out.println(response.body());
            return 0;
        }
        System.err.println("newsmetrics query: HTTP " + response.statusCode() + " from " + request.uri() + ": " + response.body());
        return response.statusCode() == 404 ? 2 : 1;
    }

    /** Keys contain '/', which stays a path separator; every other part is encoded. */
    static String encodeKey(String key) {
        StringBuilder out = new StringBuilder();
        for (String part : key.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
