package io.newsmetrics.aggregator.server;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A response body. Small bodies are collected and sent in one non-blocking write when the stream closes, so a
 * request answered on Jetty's I/O thread never waits on a slow reader. When the stream may block (the request
 * runs on a pool thread) a body beyond {@link #CHUNK} bytes is sent as it is written, so a 5 MB listing is
 * never held whole.
 */
final class ResponseStream extends OutputStream {
    /** Bytes collected before a blocking stream sends them. */
    static final int CHUNK = 32 * 1024;

    private final Response response;
    private final Callback done;
    private final boolean mayBlock;
    private byte[] buf = new byte[1024];
    private int count;
    private boolean streaming;
    private boolean closed;

    ResponseStream(Response response, Callback done, boolean mayBlock) {
        this.response = response;
        this.done = done;
        this.mayBlock = mayBlock;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("response body already closed");
        }
        if (mayBlock && count + len > CHUNK) {
            send(false, ByteBuffer.wrap(buf, 0, count));
            count = 0;
            if (len > CHUNK) {
                send(false, ByteBuffer.wrap(b, off, len));
                return;
            }
        }
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + len));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /** Ends the body; the exchange is complete once the last bytes are written (or failed). */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        ByteBuffer last = ByteBuffer.wrap(buf, 0, count);
        if (!streaming) {
            response.write(true, last, done); // completes the exchange when written, without blocking
            return;
        }
        send(true, last);
        done.succeeded();
    }

    boolean isClosed() {
        return closed;
    }

    /** Ends the stream without sending; true if it was still open (the caller then fails the exchange). */
    boolean abandon() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }

    /** A blocking write; a failure fails the exchange (the connection is dropped) and ends the stream. */
    private void send(boolean last, ByteBuffer bytes) throws IOException {
        streaming = true;
        try {
            Content.Sink.write(response, last, bytes);
        } catch (IOException | RuntimeException e) {
            closed = true;
            done.failed(e);
            throw e;
        }
    }
}
