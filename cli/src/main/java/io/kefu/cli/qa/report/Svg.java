package io.kefu.cli.qa.report;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts drawn in Java: no script, no CDN, nothing fetched. Every mark carries its number in
 * data-* attributes (data-label, data-value ...) so tests and scripts can read a chart without pixels.
 */
final class Svg {
    static final String ACCENT = "#2f6fdf";
    static final String WARN = "#d9534f";
    static final String MUTED = "#8a94a6";

    /** One bar or point: a label, a value, the extra data-* attributes and an optional colour. */
    record Mark(String label, double value, String data, String color) {
        Mark(String label, double value) {
            this(label, value, "", null);
        }
    }

    private Svg() {}

    /** Vertical bars (histograms): label under each bar, value over it. */
    static String bars(String chart, List<Mark> marks, String unit) {
        int w = 560;
        int h = 240;
        int left = 40;
        int bottom = 40;
        int top = 20;
        // Counts: round the scale up to a multiple of 4 so the four grid lines fall on whole numbers.
        double max = Math.max(4, Math.ceil(marks.stream().mapToDouble(Mark::value).max().orElse(1) / 4) * 4);
        double slot = (double) (w - left - 10) / Math.max(1, marks.size());
        StringBuilder sb = open(chart, w, h);
        axes(sb, left, top, w - 10, h - bottom, max, unit);
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            double bh = (h - bottom - top) * m.value() / max;
            double x = left + i * slot + slot * 0.15;
            double y = h - bottom - bh;
            sb.append(String.format(Locale.ROOT,
                    "<rect class=\"mark\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"%s><title>%s: %s</title></rect>",
                    x, y, slot * 0.7, bh, color(m), Html.attr(m.label()), num(m.value()), m.data(), Html.text(m.label()), num(m.value())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"v\">%s</text>", x + slot * 0.35, y - 4, num(m.value())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"l\">%s</text>", x + slot * 0.35, h - bottom + 16, Html.text(m.label())));
        }
        return sb.append("</svg>").toString();
    }

    /** Horizontal bars (rankings): long labels fit on the left. {@code max} fixes the scale (100 for percentages). */
    static String hbars(String chart, List<Mark> marks, double max, String unit) {
        int w = 560;
        int row = 24;
        int left = 170;
        int h = Math.max(60, 20 + row * marks.size() + 10);
        double scale = Math.max(1, max > 0 ? max : marks.stream().mapToDouble(Mark::value).max().orElse(1));
        StringBuilder sb = open(chart, w, h);
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            double bw = (w - left - 60) * m.value() / scale;
            int y = 15 + i * row;
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"hl\">%s</text>", left - 6, y + 14, Html.text(m.label())));
            sb.append(String.format(Locale.ROOT,
                    "<rect class=\"mark\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"%s><title>%s: %s%s</title></rect>",
                    left, y, bw, row - 6, color(m), Html.attr(m.label()), num(m.value()), m.data(), Html.text(m.label()), num(m.value()), unit));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"hv\">%s%s</text>", left + bw + 4, y + 14, num(m.value()), unit));
        }
        if (marks.isEmpty()) {
            sb.append("<text x=\"20\" y=\"35\" class=\"hl0\">no data in this period</text>");
        }
        return sb.append("</svg>").toString();
    }

    /** A line over ordered points (weekly trend), y from 0 to 100. */
    static String line(String chart, List<Mark> points) {
        int w = 560;
        int h = 240;
        int left = 40;
        int bottom = 40;
        int top = 20;
        StringBuilder sb = open(chart, w, h);
        axes(sb, left, top, w - 10, h - bottom, 100, "");
        double step = points.size() <= 1 ? 0 : (double) (w - left - 50) / (points.size() - 1);
        StringBuilder path = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Mark p = points.get(i);
            double x = left + 20 + i * step;
            double y = h - bottom - (h - bottom - top) * p.value() / 100;
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            dots.append(String.format(Locale.ROOT,
                    "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" data-label=\"%s\" data-value=\"%s\"%s><title>%s: %s</title></circle>",
                    x, y, ACCENT, Html.attr(p.label()), num(p.value()), p.data(), Html.text(p.label()), num(p.value())));
            dots.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"v\">%s</text>", x, y - 9, num(p.value())));
            dots.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"l\">%s</text>", x, h - bottom + 16, Html.text(p.label())));
        }
        if (points.size() > 1) {
            sb.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(ACCENT).append("\" stroke-width=\"2\"/>");
        }
        return sb.append(dots).append("</svg>").toString();
    }

    /** Points on two 0..100 axes (QA score vs CSAT %), labelled. */
    static String scatter(String chart, List<Mark> points, List<Double> ys, String xLabel, String yLabel) {
        int w = 560;
        int h = 300;
        int left = 50;
        int bottom = 45;
        int top = 15;
        int right = w - 20;
        StringBuilder sb = open(chart, w, h);
        axes(sb, left, top, right, h - bottom, 100, "");
        for (int t = 0; t <= 100; t += 20) {
            double x = left + (right - left) * t / 100.0;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"l\">%d</text>", x, h - bottom + 16, t));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"l\">%s</text>", (left + right) / 2, h - 6, Html.text(xLabel)));
        sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"l\" transform=\"rotate(-90 12 %d)\">%s</text>",
                (top + h - bottom) / 2, (top + h - bottom) / 2, Html.text(yLabel)));
        for (int i = 0; i < points.size(); i++) {
            Mark p = points.get(i);
            double x = left + (right - left) * p.value() / 100;
            double y = h - bottom - (h - bottom - top) * ys.get(i) / 100;
            sb.append(String.format(Locale.ROOT,
                    "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" fill-opacity=\"0.8\" data-label=\"%s\"%s><title>%s</title></circle>",
                    x, y, ACCENT, Html.attr(p.label()), p.data(), Html.text(p.label())));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"pl\">%s</text>", x + 8, y + 4, Html.text(p.label())));
        }
        if (points.isEmpty()) {
            sb.append("<text x=\"70\" y=\"60\" class=\"hl0\">no survey aggregates for these agents in this period</text>");
        }
        return sb.append("</svg>").toString();
    }

    private static StringBuilder open(String chart, int w, int h) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" data-chart-svg=\"%s\">",
                w, h, w, h, chart));
    }

    private static void axes(StringBuilder sb, int x0, int y0, int x1, int y1, double max, String unit) {
        for (int i = 0; i <= 4; i++) {
            double y = y1 - (y1 - y0) * i / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", x0, y, x1, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"ax\">%s%s</text>", x0 - 4, y + 4, num(max * i / 4.0), unit));
        }
    }

    private static String color(Mark m) {
        return m.color() != null ? m.color() : ACCENT;
    }

    /** 12 or 12.5: no trailing .0 in labels and attributes. */
    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
