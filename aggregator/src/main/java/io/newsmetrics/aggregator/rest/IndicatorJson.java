package io.newsmetrics.aggregator.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.ValueReport;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Writes the API's {@code Indicator} shape (openapi.yaml) straight to a {@link JsonGenerator}: the latest figure
 * flattened, corroboration and conflicts. No intermediate maps or trees: a listing of 10,000 keys and every
 * single-key answer go through here, so field names are pre-encoded and nothing is allocated per field.
 */
public final class IndicatorJson {
    private static final SerializableString KEY = name("key");
    private static final SerializableString SUBJECT = name("subject");
    private static final SerializableString INDICATOR = name("indicator");
    private static final SerializableString LABEL = name("label");
    private static final SerializableString VALUE = name("value");
    private static final SerializableString LOW = name("low");
    private static final SerializableString HIGH = name("high");
    private static final SerializableString UNIT = name("unit");
    private static final SerializableString QUALIFIER = name("qualifier");
    private static final SerializableString CHANGE = name("change");
    private static final SerializableString PERIOD = name("period");
    private static final SerializableString PUBLISHED_AT = name("publishedAt");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString URL = name("url");
    private static final SerializableString TITLE = name("title");
    private static final SerializableString EVIDENCE = name("evidence");
    private static final SerializableString SOURCE_COUNT = name("sourceCount");
    private static final SerializableString SOURCES = name("sources");
    private static final SerializableString CONFLICTING = name("conflicting");
    private static final SerializableString CONFLICTS = name("conflicts");
    private static final SerializableString OTHER_FIGURES = name("otherFigures");
    private static final SerializableString OBSERVATION_COUNT = name("observationCount");

    private IndicatorJson() {
    }

    private static SerializableString name(String s) {
        return new SerializedString(s);
    }

    /** Writes {@code i} as one JSON object. */
    public static void write(JsonGenerator g, Indicator i) throws IOException {
        g.writeStartObject();
        writeFields(g, i);
        g.writeEndObject();
    }

    /** Writes the fields of {@code i} into the object {@code g} is in (so that callers can add their own after). */
    public static void writeFields(JsonGenerator g, Indicator i) throws IOException {
        Objects.requireNonNull(i, "indicator");
        Observation o = i.latest();
        string(g, KEY, i.key());
        string(g, SUBJECT, i.subject());
        string(g, INDICATOR, i.indicator());
        string(g, LABEL, i.label());
        number(g, VALUE, o.value());
        number(g, LOW, o.low());
        number(g, HIGH, o.high());
        string(g, UNIT, o.unit());
        string(g, QUALIFIER, o.qualifier() == null ? null : o.qualifier().id());
        string(g, CHANGE, o.change() == null ? null : o.change().id());
        string(g, PERIOD, o.period());
        string(g, PUBLISHED_AT, o.publishedAt());
        g.writeFieldName(SOURCE);
        g.writeStartObject();
        string(g, URL, o.sourceUrl());
        string(g, TITLE, o.sourceTitle());
        string(g, PUBLISHED_AT, o.publishedAt());
        g.writeEndObject();
        string(g, EVIDENCE, o.sentence());
        g.writeFieldName(SOURCE_COUNT);
        g.writeNumber(i.sourceCount());
        strings(g, SOURCES, i.sources());
        g.writeFieldName(CONFLICTING);
        g.writeBoolean(i.conflicting());
        reports(g, CONFLICTS, i.conflicts());
        reports(g, OTHER_FIGURES, i.otherFigures());
        g.writeFieldName(OBSERVATION_COUNT);
        g.writeNumber(i.observationCount());
    }

    private static void reports(JsonGenerator g, SerializableString field, List<ValueReport> reports) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (ValueReport r : reports) {
            g.writeStartObject();
            number(g, VALUE, r.value());
            number(g, LOW, r.low());
            number(g, HIGH, r.high());
            string(g, UNIT, r.unit());
            string(g, CHANGE, r.change() == null ? null : r.change().id());
            g.writeFieldName(SOURCE_COUNT);
            g.writeNumber(r.sourceCount());
            strings(g, SOURCES, r.sources());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void strings(JsonGenerator g, SerializableString field, List<String> values) throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void string(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, SerializableString field, Double value) throws IOException {
        g.writeFieldName(field);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }
}
