package io.newsmetrics.ingest.fetch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A tiny forward proxy inside this JVM, on 127.0.0.1, through which the crawler's {@code HttpClient} makes every
 * connection to a named host. It exists to defeat DNS rebinding: {@code java.net.http.HttpClient} on Java 17
 * resolves names itself and has no resolver hook, so a check before {@code send} could be answered with a public
 * address and the connect with a private one. Here the proxy resolves the name once through the
 * {@link HostResolver}, checks every address with the {@link AddressGuard}, and opens the socket to a checked
 * address: what is checked is what is connected to.
 * <ul>
 *   <li>https: the client sends {@code CONNECT host:port}; the proxy tunnels bytes, so TLS, SNI and certificate
 *       checks stay end to end between the client and the origin.</li>
 *   <li>http: the client sends the request in absolute form; the proxy forwards it in origin form with
 *       {@code Connection: close}, and marks the response {@code Connection: close} so no proxy connection is
 *       reused for another host.</li>
 * </ul>
 * IP-literal hosts involve no DNS and bypass the proxy (the crawler checks the literal itself).
 * A refused address is answered with 403 and the header {@value #REFUSAL_HEADER}, which the proxy strips from
 * origin responses, so only the proxy can set it.
 */
final class PinningProxy implements AutoCloseable {
    static final String REFUSAL_HEADER = "X-Newsmetrics-Refused";
    /** Set on the proxy's own 502 when it could not connect: {@code TIMEOUT ...} or {@code CONNECTION_FAILED ...}. */
    static final String CONNECT_ERROR_HEADER = "X-Newsmetrics-Connect-Error";
    private static final Logger log = LoggerFactory.getLogger(PinningProxy.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_REFUSALS_KEPT = 1024;
    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final AddressGuard guard;
    private final HostResolver resolver;
    private final int connectTimeoutMillis;
    private final int idleTimeoutMillis;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Map<String, String> refusals = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_REFUSALS_KEPT;
        }
    };
    private volatile boolean closed;

    private PinningProxy(AddressGuard guard, HostResolver resolver, Duration connectTimeout, Duration idleTimeout,
                         ServerSocket server) {
        this.guard = guard;
        this.resolver = resolver;
        this.connectTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis());
        this.idleTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, idleTimeout.toMillis());
        this.server = server;
        int id = INSTANCES.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "newsmetrics-pinning-proxy-" + id + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static PinningProxy start(AddressGuard guard, HostResolver resolver, Duration connectTimeout, Duration idleTimeout) {
        try {
            ServerSocket server = new ServerSocket(0, 512, InetAddress.getByName("127.0.0.1"));
            PinningProxy proxy = new PinningProxy(guard, resolver, connectTimeout, idleTimeout, server);
            proxy.threads.execute(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the crawler's local pinning proxy on 127.0.0.1", e);
        }
    }

    /** Sends every named http/https host through this proxy; IP literals go direct. */
    ProxySelector selector() {
        Proxy proxy = new Proxy(Proxy.Type.HTTP, server.getLocalSocketAddress());
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                String host = uri.getHost();
                return isIpLiteral(host) ? List.of(Proxy.NO_PROXY) : List.of(proxy);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
                log.debug("connection to pinning proxy for {} failed: {}", uri, ioe.toString());
            }
        };
    }

    static boolean isIpLiteral(String host) {
        return host != null && (host.startsWith("[") || IPV4_LITERAL.matcher(host).matches());
    }

    /** Why the proxy last refused {@code uri}'s host and port, or null. */
    String lastRefusal(URI uri) {
        synchronized (refusals) {
            return refusals.get(hostPort(stripBrackets(uri.getHost()), port(uri)));
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                threads.execute(() -> handle(client));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("pinning proxy accept failed: {}", e.toString());
                }
            } catch (java.util.concurrent.RejectedExecutionException e) {
                return; // closing
            }
        }
    }

    private void handle(Socket client) {
        Socket origin = null;
        try (client) {
            client.setSoTimeout(idleTimeoutMillis);
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String headText = new String(head, StandardCharsets.ISO_8859_1);
            String[] lines = headText.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            if (requestLine.length != 3) {
                respond(out, 400, "Bad Request", null, "malformed request line");
                return;
            }
            String method = requestLine[0];
            String target = requestLine[1];
            String host;
            int port;
            if (method.equals("CONNECT")) {
                int colon = target.lastIndexOf(':');
                if (colon < 0) {
                    respond(out, 400, "Bad Request", null, "CONNECT target needs a port");
                    return;
                }
                host = stripBrackets(target.substring(0, colon));
                port = Integer.parseInt(target.substring(colon + 1));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                URI uri = URI.create(target);
                host = stripBrackets(uri.getHost());
                port = port(uri);
            } else {
                respond(out, 405, "Method Not Allowed", null, "the crawler only GETs");
                return;
            }
            List<InetAddress> addresses;
            try {
                addresses = guard.check(host, resolver, target);
            } catch (FetchException e) {
                String why = e.detail();
                synchronized (refusals) {
                    refusals.put(hostPort(host, port), why);
                }
                respond(out, 403, "Forbidden", why, why);
                return;
            }
            String[] why = new String[1];
            origin = connect(addresses, port, why);
            if (origin == null) {
                String detail = why[0] + " connecting to " + host + ":" + port;
                sendHead(out, 502, "Bad Gateway", CONNECT_ERROR_HEADER, detail, detail);
                return;
            }
            if (method.equals("CONNECT")) {
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                Socket o = origin;
                threads.execute(() -> pipe(client, o));
                pipe(o, client);
            } else {
                forwardPlain(lines, requestLine, client, origin);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("pinning proxy connection ended: {}", e.toString());
        } finally {
            closeQuietly(origin);
        }
    }

    private void forwardPlain(String[] lines, String[] requestLine, Socket client, Socket origin) throws IOException {
        URI uri = URI.create(requestLine[1]);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder req = new StringBuilder(requestLine[0]).append(' ').append(path).append(' ').append(requestLine[2]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = headerName(lines[i]);
            if (name.isEmpty() || name.equals("connection") || name.equals("proxy-connection") || name.equals("keep-alive")
                    || name.equals("proxy-authorization")) {
                continue;
            }
            req.append(lines[i]).append("\r\n");
        }
        req.append("Connection: close\r\n\r\n");
        OutputStream toOrigin = origin.getOutputStream();
        toOrigin.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
        toOrigin.flush();
        // If the client gives up (its own timeout), its connection closes: stop reading the origin at once.
        Socket o = origin;
        threads.execute(() -> {
            try {
                while (client.getInputStream().read() >= 0) {
                    // a GET has no body; anything else is ignored
                }
            } catch (IOException ignored) {
                // closed
            } finally {
                closeQuietly(o);
            }
        });
        InputStream fromOrigin = origin.getInputStream();
        byte[] responseHead = readHead(fromOrigin);
        if (responseHead == null) {
            return;
        }
        String[] rl = new String(responseHead, StandardCharsets.ISO_8859_1).split("\r\n");
        StringBuilder resp = new StringBuilder(rl[0]).append("\r\n");
        for (int i = 1; i < rl.length; i++) {
            String name = headerName(rl[i]);
            if (name.isEmpty() || name.equals("connection") || name.equals("keep-alive") || name.equals("proxy-connection")
                    || name.equals(REFUSAL_HEADER.toLowerCase(Locale.ROOT))
                    || name.equals(CONNECT_ERROR_HEADER.toLowerCase(Locale.ROOT))) {
                continue;
            }
            resp.append(rl[i]).append("\r\n");
        }
        resp.append("Connection: close\r\n\r\n");
        OutputStream out = client.getOutputStream();
        out.write(resp.toString().getBytes(StandardCharsets.ISO_8859_1));
        fromOrigin.transferTo(out);
        out.flush();
    }

    /** Connects to the first checked address that answers; null (with why[0] = reason and detail) if none. */
    private Socket connect(List<InetAddress> addresses, int port, String[] why) {
        why[0] = FailureReason.CONNECTION_FAILED + " no address";
        for (InetAddress a : addresses) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(a, port), connectTimeoutMillis);
                s.setSoTimeout(idleTimeoutMillis);
                s.setTcpNoDelay(true);
                return s;
            } catch (IOException e) {
                closeQuietly(s);
                why[0] = (e instanceof java.net.SocketTimeoutException ? FailureReason.TIMEOUT : FailureReason.CONNECTION_FAILED)
                        + " " + e.getClass().getSimpleName() + " " + e.getMessage();
                log.debug("connect to {}:{} failed: {}", a.getHostAddress(), port, e.toString());
            }
        }
        return null;
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed or timed out
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Reads up to and including the blank line; null on EOF before it; IOException when too long. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int state = 0; // matched bytes of \r\n\r\n
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("head longer than " + MAX_HEAD_BYTES + " bytes");
            }
            state = (b == '\r') ? (state == 2 ? 3 : 1) : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                byte[] bytes = head.toByteArray();
                return java.util.Arrays.copyOf(bytes, bytes.length - 4);
            }
        }
    }

    private static void respond(OutputStream out, int status, String phrase, String refusal, String body) throws IOException {
        sendHead(out, status, phrase, refusal == null ? null : REFUSAL_HEADER, refusal, body);
    }

    private static void sendHead(OutputStream out, int status, String phrase, String header, String value, String body)
            throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(phrase).append("\r\n");
        if (header != null) {
            sb.append(header).append(": ").append(value.replaceAll("[\\r\\n]", " ")).append("\r\n");
        }
        sb.append("Content-Type: text/plain; charset=utf-8\r\nContent-Length: ").append(b.length)
                .append("\r\nConnection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(b);
        out.flush();
    }

    private static String headerName(String line) {
        int colon = line.indexOf(':');
        return colon <= 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
    }

    static String stripBrackets(String host) {
        if (host != null && host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host;
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String hostPort(String host, int port) {
        return (host == null ? "" : host.toLowerCase(Locale.ROOT)) + ":" + port;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        threads.shutdownNow();
    }

}
