package dev.gantry.ui.recovery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A small SVG chart of a measured duration (RTO or RPO achieved by drills) over time against its objective, built
 * on the server: a dashed line for the objective, a point per drill (green within it, amber over it, a red cross
 * where the drill measured nothing because it failed). No JavaScript; every text is escaped.
 */
final class ObjectiveChart {

    /** One drill: when, what it measured (null if it failed before measuring), and a tooltip. */
    record Sample(Instant at, @Nullable Duration value, boolean failed, String label) {
    }

    private static final int WIDTH = 560;
    private static final int HEIGHT = 250;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 36;
    private static final int BOTTOM = 52;
    private static final String GOOD = "#2a8453";
    private static final String WARN = "#b36b00";
    private static final String BAD = "#c8312a";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ObjectiveChart() {
    }

    static String svg(String title, List<Sample> unsorted, @Nullable Duration objective) {
        List<Sample> samples = unsorted.stream().sorted(Comparator.comparing(Sample::at)).toList();
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(escape(summary(title, samples, objective))).append("\" font-family=\"sans-serif\" ")
                .append("font-size=\"11\" style=\"max-width:").append(WIDTH).append("px\">");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"18\" font-size=\"13\" font-weight=\"600\" ")
                .append("fill=\"#333\">").append(escape(title)).append("</text>");
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plotHeight;

        long maxMillis = samples.stream().map(Sample::value).filter(Objects::nonNull).mapToLong(Duration::toMillis)
                .max().orElse(0);
        if (objective != null) {
            maxMillis = Math.max(maxMillis, objective.toMillis());
        }
        Unit unit = Unit.of((long) Math.max(1000, maxMillis * 1.1));
        double step = nice(Math.max(1000, maxMillis * 1.1) / unit.millis / 4) * unit.millis;
        double top = step * 4;
        for (int i = 0; i <= 4; i++) {
            double value = step * i;
            double y = baseline - plotHeight * (value / top);
            svg.append(line(LEFT, y, LEFT + plotWidth, y, "#e3e3e3", null));
            svg.append(text(LEFT - 6, y + 4, "end", "#666", unit.format(value)));
        }
        svg.append(line(LEFT, TOP, LEFT, baseline, "#999", null));
        svg.append(line(LEFT, baseline, LEFT + plotWidth, baseline, "#999", null));

        if (objective != null) {
            double y = baseline - plotHeight * (objective.toMillis() / top);
            svg.append(line(LEFT, y, LEFT + plotWidth, y, BAD, "6 4"));
            svg.append(text(LEFT + plotWidth, y - 5, "end", BAD, "objective " + RecoveryFormats.duration(objective)));
        } else {
            svg.append(text(LEFT + plotWidth, TOP - 6, "end", "#666", "no objective set"));
        }

        if (samples.isEmpty()) {
            svg.append(text(LEFT + plotWidth / 2.0, TOP + plotHeight / 2.0, "middle", "#666",
                    "No drill yet: run one to see how long a restore takes"));
            return svg.append("</svg>").toString();
        }
        long first = samples.getFirst().at().toEpochMilli();
        long last = samples.getLast().at().toEpochMilli();
        StringBuilder path = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (Sample sample : samples) {
            double x = last == first ? LEFT + plotWidth / 2.0
                    : LEFT + 12 + (plotWidth - 24) * (double) (sample.at().toEpochMilli() - first) / (last - first);
            if (sample.value() == null) {
                marks.append("<g class=\"failed\" stroke=\"").append(BAD).append("\" stroke-width=\"2\"><title>")
                        .append(escape(sample.label())).append("</title>")
                        .append(line(x - 5, baseline - 11, x + 5, baseline - 1, null, null))
                        .append(line(x - 5, baseline - 1, x + 5, baseline - 11, null, null)).append("</g>");
                continue;
            }
            double y = baseline - plotHeight * (sample.value().toMillis() / top);
            path.append(path.isEmpty() ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
            boolean over = objective != null && sample.value().compareTo(objective) > 0;
            marks.append("<circle class=\"drill\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"5\" fill=\"")
                    .append(sample.failed() ? BAD : over ? WARN : GOOD).append("\"><title>")
                    .append(escape(sample.label())).append("</title></circle>");
        }
        if (!path.isEmpty()) {
            svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#7a8ca3\" stroke-width=\"1.5\"/>");
        }
        svg.append(marks);
        Sample latest = samples.getLast();
        svg.append(text(LEFT, baseline + 16, "start", "#666", DAY.format(samples.getFirst().at()) + " UTC"));
        if (samples.size() > 1) {
            svg.append(text(LEFT + plotWidth, baseline + 16, "end", "#666", DAY.format(latest.at()) + " UTC"));
        }
        svg.append(text(LEFT, baseline + 36, "start", "#333", "latest: " + (latest.value() == null
                ? "not measured (drill failed)" : RecoveryFormats.duration(latest.value()))
                + " · " + samples.size() + (samples.size() == 1 ? " drill" : " drills")));
        svg.append("<g font-size=\"10\">")
                .append("<circle cx=\"").append(LEFT + plotWidth - 190).append("\" cy=\"").append(baseline + 32)
                .append("\" r=\"4\" fill=\"").append(GOOD).append("\"/>")
                .append(text(LEFT + plotWidth - 182, baseline + 36, "start", "#333", "within"))
                .append("<circle cx=\"").append(LEFT + plotWidth - 135).append("\" cy=\"").append(baseline + 32)
                .append("\" r=\"4\" fill=\"").append(WARN).append("\"/>")
                .append(text(LEFT + plotWidth - 127, baseline + 36, "start", "#333", "over"))
                .append(text(LEFT + plotWidth - 88, baseline + 36, "start", BAD, "× drill failed"))
                .append("</g>");
        return svg.append("</svg>").toString();
    }

    /** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten that is at least {@code raw}: ticks people can read. */
    static double nice(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (factor * power >= raw - 1e-9) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static String summary(String title, List<Sample> samples, @Nullable Duration objective) {
        if (samples.isEmpty()) {
            return title + ": no drill yet";
        }
        Sample latest = samples.getLast();
        return title + ": " + samples.size() + " drills; latest " + (latest.value() == null ? "not measured"
                : RecoveryFormats.duration(latest.value())) + (objective == null ? ", no objective"
                : " against an objective of " + RecoveryFormats.duration(objective));
    }

    private static String line(double x1, double y1, double x2, double y2, @Nullable String stroke,
                               @Nullable String dash) {
        return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2) + "\""
                + (stroke == null ? "" : " stroke=\"" + stroke + "\"")
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\" stroke-width=\"1.5\"") + "/>";
    }

    private static String text(double x, double y, String anchor, String fill, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" + fill + "\">"
                + escape(content) + "</text>";
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The axis unit chosen so tick labels stay short. */
    private enum Unit {
        MILLIS(1, "ms"), SECONDS(1000, "s"), MINUTES(60_000, "min"), HOURS(3_600_000, "h"), DAYS(86_400_000, "d");

        private final long millis;
        private final String suffix;

        Unit(long millis, String suffix) {
            this.millis = millis;
            this.suffix = suffix;
        }

        static Unit of(long topMillis) {
            if (topMillis < 2_000) {
                return MILLIS;
            }
            if (topMillis < 180_000) {
                return SECONDS;
            }
            if (topMillis < 3 * 3_600_000L) {
                return MINUTES;
            }
            return topMillis < 3 * 86_400_000L ? HOURS : DAYS;
        }

        String format(double valueMillis) {
            double v = valueMillis / millis;
            return (v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                    : String.format(Locale.ROOT, "%.1f", v)) + " " + suffix;
        }
    }
}
