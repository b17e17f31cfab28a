package io.newsmetrics.aggregator.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Jetty request seen through the JDK's {@link HttpExchange}, with its semantics: the handler calls
 * {@link #sendResponseHeaders} (length &gt; 0 fixed, 0 unknown, -1 no body), writes the body, and the
 * exchange is complete when it is {@link #close closed}, which may happen on another thread after the
 * handler returned (an answer forwarded from another instance).
 */
final class JettyExchange extends HttpExchange {
    private final Request request;
    private final Response response;
    private final Callback done;
    private final URI uri;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>(4);
    private final ResponseStream body;
    private Headers requestHeaders;
    private InputStream requestBody;
    private int status = -1;

    private JettyExchange(Request request, Response response, Callback done, URI uri, boolean mayBlock) {
        this.request = request;
        this.response = response;
        this.done = done;
        this.uri = uri;
        this.body = new ResponseStream(response, done, mayBlock);
    }

    /**
     * @param mayBlock whether the handler runs where it may block; if not, the body is sent without blocking
     * @throws IllegalArgumentException when the request target is not a valid URI
     */
    static JettyExchange of(Request request, Response response, Callback done, boolean mayBlock) {
        URI uri = URI.create(request.getHttpURI().getPathQuery());
        return new JettyExchange(request, response, done, uri, mayBlock);
    }

    @Override
    public Headers getRequestHeaders() {
        if (requestHeaders == null) {
            Headers h = new Headers();
            for (HttpField f : request.getHeaders()) {
                h.add(f.getName(), f.getValue());
            }
            requestHeaders = h;
        }
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    /** Not supported: routes are plain handlers mounted by path, without JDK contexts. */
    @Override
    public HttpContext getHttpContext() {
        throw new UnsupportedOperationException("no HttpContext: routes are mounted on " + ApiServer.class.getName());
    }

    @Override
    public void close() {
        if (body.isClosed()) {
            return;
        }
        if (status == -1) {
            status = 500; // closed without an answer: a failure, not an empty 200
            response.setStatus(status);
        }
        try {
            body.close();
        } catch (IOException e) {
            // the client went away; the exchange was failed by the stream
        }
    }

    @Override
    public InputStream getRequestBody() {
        if (requestBody == null) {
            requestBody = Content.Source.asInputStream(request);
        }
        return requestBody;
    }

    @Override
    public OutputStream getResponseBody() {
        return body;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        if (status != -1) {
            throw new IOException("headers already sent");
        }
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("not an HTTP status: " + code);
        }
        status = code;
        response.setStatus(code);
        HttpFields.Mutable out = response.getHeaders();
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            for (String value : e.getValue()) {
                out.add(e.getKey(), value);
            }
        }
        if (length > 0) {
            out.put("Content-Length", String.valueOf(length));
        } else if (length < 0) {
            out.put("Content-Length", "0");
        }
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        synchronized (attributes) {
            return attributes.get(name);
        }
    }

    @Override
    public void setAttribute(String name, Object value) {
        synchronized (attributes) {
            if (value == null) {
                attributes.remove(name);
            } else {
                attributes.put(name, value);
            }
        }
    }

    /** Not supported: filters that replace the streams are not used here. */
    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("replacing the exchange's streams is not supported");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    /** Fails the exchange: Jetty answers 500 if nothing was sent yet, else drops the connection. */
    void fail(Throwable cause) {
        if (body.abandon()) {
            done.failed(cause);
        }
    }

    private static InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : null;
    }
}
