package io.newsmetrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a reported figure relates to the true value: "more than 30 million" is {@link #MORE_THAN}. */
public enum Qualifier {
    EXACT, APPROX, MORE_THAN, LESS_THAN, AT_LEAST, AT_MOST;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Qualifier fromId(String id) {
        return id == null ? null : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
