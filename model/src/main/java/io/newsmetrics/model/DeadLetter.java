package io.newsmetrics.model;

import java.util.Objects;

/**
 * A record the pipeline could not process, kept with why and where it came from.
 *
 * @param reason      machine-readable reason code, e.g. {@code HTTP_STATUS}, {@code DESERIALIZATION}
 * @param detail      human-readable detail
 * @param sourceTopic topic the input came from, or null for HTTP/CLI input
 * @param partition   partition of the input record, or -1
 * @param offset      offset of the input record, or -1
 * @param url         the URL concerned, or null
 * @param payload     the input as text (truncated), or null
 * @param time        when it failed, ISO 8601
 */
public record DeadLetter(String reason, String detail, String sourceTopic, int partition, long offset,
                         String url, String payload, String time) {

    /** Payloads longer than this are cut so a poison pill cannot make the dead-letter record too large. */
    public static final int MAX_PAYLOAD_CHARS = 64 * 1024;

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        if (payload != null && payload.length() > MAX_PAYLOAD_CHARS) {
            payload = payload.substring(0, MAX_PAYLOAD_CHARS);
        }
    }
}
