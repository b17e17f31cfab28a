package io.newsmetrics.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Parses and normalizes URLs: scheme and host lower case, default port and fragment dropped, empty path as
 * {@code /}. The result is the crawler's identity of a page (dedupe, redirect loops).
 */
public final class UrlNormalizer {
    /** Longest URL accepted; longer ones are refused as INVALID_URL. */
    public static final int MAX_URL_LENGTH = 8 * 1024;

    private UrlNormalizer() {
    }

    /**
     * Parses an absolute http, https or file URL and normalizes it.
     *
     * @throws FetchException INVALID_URL with the reason
     */
    public static URI parse(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw FetchException.permanent(FailureReason.INVALID_URL, String.valueOf(url), "empty URL");
        }
        String u = url.strip();
        if (u.length() > MAX_URL_LENGTH) {
            throw FetchException.permanent(FailureReason.INVALID_URL, u.substring(0, 200) + "...",
                    "URL longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = lenient(u);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw FetchException.permanent(FailureReason.INVALID_URL, u, "malformed URL: " + e.getMessage());
        }
        if (!uri.isAbsolute() || uri.isOpaque() && !"file".equalsIgnoreCase(uri.getScheme())) {
            throw FetchException.permanent(FailureReason.INVALID_URL, u, "not an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw FetchException.permanent(FailureReason.INVALID_URL, u, "no host (or a host name URI cannot read)");
                }
                if (uri.getRawUserInfo() != null) {
                    throw FetchException.permanent(FailureReason.INVALID_URL, u, "user info in URLs is not fetched");
                }
            }
            case "file" -> {
                if (uri.isOpaque() || uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw FetchException.permanent(FailureReason.INVALID_URL, u, "a file URL needs an absolute path");
                }
                if (uri.getHost() != null && !uri.getHost().isEmpty() && !uri.getHost().equalsIgnoreCase("localhost")) {
                    throw FetchException.permanent(FailureReason.INVALID_URL, u, "only local file URLs are read");
                }
                return uri;
            }
            default -> throw FetchException.permanent(FailureReason.INVALID_URL, u,
                    "scheme " + scheme + " is not http, https or file");
        }
        try {
            return normalize(uri);
        } catch (IllegalArgumentException e) {
            throw FetchException.permanent(FailureReason.INVALID_URL, u, e.getMessage());
        }
    }

    /** Characters browsers percent-encode in URLs that {@link URI} refuses; found in real links and Locations. */
    private static final String ENCODE = " \"<>\\^`{|}";

    /**
     * Parses a URL the way browsers are lenient: characters such as spaces and {@code |} are percent-encoded, and
     * an internationalized host name becomes its ASCII (punycode) form.
     *
     * @throws URISyntaxException when it still is not a URI
     */
    public static URI lenient(String url) throws URISyntaxException {
        StringBuilder sb = new StringBuilder(url.length() + 16);
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (ENCODE.indexOf(c) >= 0 || c < 0x20 || c == 0x7f) {
                sb.append('%').append(String.format("%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
        URI uri = new URI(sb.toString());
        if (uri.getHost() == null && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty()) {
            String authority = uri.getRawAuthority();
            int at = authority.lastIndexOf('@');
            String userInfo = at >= 0 ? authority.substring(0, at + 1) : "";
            String hostPort = authority.substring(at + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            String port = colon >= 0 ? hostPort.substring(colon) : "";
            String ascii = java.net.IDN.toASCII(host, java.net.IDN.ALLOW_UNASSIGNED);
            String rebuilt = uri.getScheme() + "://" + userInfo + ascii + port
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
            uri = new URI(rebuilt);
        }
        return uri;
    }

    /** Normalizes an absolute hierarchical http(s) URI. */
    public static URI normalize(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || scheme == null) {
            return uri;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            port = -1;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        sb.append(path);
        if (uri.getRawQuery() != null) {
            sb.append('?').append(uri.getRawQuery());
        }
        return URI.create(sb.toString());
    }
}
