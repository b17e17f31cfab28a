package io.newsmetrics.ingest.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes {@code Content-Encoding} (gzip, deflate, identity) with a limit on the decoded size, so a
 * decompression bomb ends in {@link FailureReason#TOO_LARGE} after at most {@code limit} bytes of output.
 */
final class ContentDecoder {
    /** Most encodings stacked on one body that we undo; more is not a real server. */
    private static final int MAX_LAYERS = 2;

    private ContentDecoder() {
    }

    static byte[] decode(byte[] body, String contentEncoding, long limit, String url) throws FetchException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return body;
        }
        List<String> codings = new ArrayList<>();
        for (String c : contentEncoding.split(",")) {
            String t = c.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !t.equals("identity")) {
                codings.add(t);
            }
        }
        if (codings.size() > MAX_LAYERS) {
            throw FetchException.permanent(FailureReason.DECODING_FAILED, url, "too many content encodings: " + contentEncoding);
        }
        byte[] data = body;
        for (int i = codings.size() - 1; i >= 0; i--) { // applied in order listed, undone in reverse
            String coding = codings.get(i);
            data = switch (coding) {
                case "gzip", "x-gzip" -> gunzip(data, limit, url);
                case "deflate" -> inflate(data, limit, url);
                default -> throw FetchException.permanent(FailureReason.DECODING_FAILED, url,
                        "unsupported content encoding " + coding);
            };
        }
        return data;
    }

    private static byte[] gunzip(byte[] data, long limit, String url) throws FetchException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data), 8192)) {
            return readBounded(in, limit, url);
        } catch (ZipException | java.io.EOFException e) {
            throw FetchException.permanent(FailureReason.DECODING_FAILED, url, "corrupt gzip body: " + e.getMessage(), e);
        } catch (IOException e) {
            throw FetchException.permanent(FailureReason.DECODING_FAILED, url, "cannot gunzip body: " + e.getMessage(), e);
        }
    }

    /** HTTP "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: accept both. */
    private static byte[] inflate(byte[] data, long limit, String url) throws FetchException {
        boolean zlib = data.length >= 2 && (data[0] & 0x0f) == 8 && (((data[0] & 0xff) << 8) | (data[1] & 0xff)) % 31 == 0;
        Inflater inflater = new Inflater(!zlib);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(data), inflater, 8192)) {
            return readBounded(in, limit, url);
        } catch (ZipException | java.io.EOFException e) {
            throw FetchException.permanent(FailureReason.DECODING_FAILED, url, "corrupt deflate body: " + e.getMessage(), e);
        } catch (IOException e) {
            throw FetchException.permanent(FailureReason.DECODING_FAILED, url, "cannot inflate body: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] readBounded(InputStream in, long limit, String url) throws IOException, FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw FetchException.permanent(FailureReason.TOO_LARGE, url,
                        "decoded body exceeds " + limit + " bytes (decompression bomb?)");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

}
