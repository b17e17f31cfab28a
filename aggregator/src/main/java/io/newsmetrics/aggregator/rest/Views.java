package io.newsmetrics.aggregator.rest;

import io.newsmetrics.aggregator.model.Indicator;
import io.newsmetrics.aggregator.model.Observation;
import io.newsmetrics.aggregator.model.Period;
import io.newsmetrics.aggregator.model.ValueReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The JSON shapes of histories (documented in openapi.yaml), built as ordered maps; indicators: {@link IndicatorJson}. */
public final class Views {
    private Views() {
    }

    /** One observation of a key's history. */
    public static Map<String, Object> observation(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.eventId());
        m.put("period", o.period());
        m.put("value", o.value());
        m.put("low", o.low());
        m.put("high", o.high());
        m.put("unit", o.unit());
        m.put("surfaceUnit", o.surfaceUnit());
        m.put("qualifier", o.qualifier());
        m.put("change", o.change());
        m.put("label", o.label());
        m.put("publishedAt", o.publishedAt());
        m.put("source", source(o));
        m.put("evidence", o.sentence());
        return m;
    }

    /**
     * Where sources disagree in a history: per period and kind (unit, level or change direction), every
     * value given and its sources, when there is more than one value.
     */
    public static List<Map<String, Object>> conflicts(List<Observation> history) {
        Map<String, List<Observation>> byPeriod = new TreeMap<>();
        for (Observation o : history) {
            Period p = o.parsedPeriod();
            String group = (p == null ? "" : p.sortKey() + "|" + p.text()) + "|" + o.unit() + "|" + o.change();
            byPeriod.computeIfAbsent(group, k -> new ArrayList<>()).add(o);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Observation> group : byPeriod.values()) {
            List<ValueReport> reports = Indicator.reports(group);
            if (reports.size() > 1) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("period", group.get(0).period());
                m.put("unit", group.get(0).unit());
                m.put("change", group.get(0).change());
                List<Map<String, Object>> values = new ArrayList<>();
                reports.forEach(r -> values.add(report(r)));
                m.put("values", values);
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, Object> report(ValueReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", r.value());
        m.put("low", r.low());
        m.put("high", r.high());
        m.put("unit", r.unit());
        m.put("change", r.change());
        m.put("sourceCount", r.sourceCount());
        m.put("sources", r.sources());
        return m;
    }

    private static Map<String, Object> source(Observation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", o.sourceUrl());
        m.put("title", o.sourceTitle());
        m.put("publishedAt", o.publishedAt());
        return m;
    }
}
