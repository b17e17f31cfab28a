package io.newsmetrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Direction of a figure that reports a change ("rose 5 percent") rather than a level. */
public enum Change {
    UP, DOWN;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Change fromId(String id) {
        return id == null ? null : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
