package io.newsmetrics.aggregator.rest;

import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** Serves one class-path resource (the dashboard, the OpenAPI file) from memory. */
public final class StaticResource {
    private StaticResource() {
    }

    /**
     * A handler for {@code resource}, answering only at exactly {@code path} (other paths under it are 404).
     *
     * @throws IllegalStateException when the resource is not on the class path
     */
    public static HttpHandler of(String path, String resource, String contentType) {
        Objects.requireNonNull(path, "path");
        byte[] bytes;
        try (InputStream in = StaticResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
        return ex -> {
            if (!ex.getRequestURI().getPath().equals(path)) {
                throw ApiException.notFound("no resource at " + ex.getRequestURI().getPath());
            }
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            HttpJson.sendBytes(ex, 200, contentType, bytes);
        };
    }
}
