package dev.gantry.recovery.retention;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the vector files under {@code src/test/resources/dev/gantry/recovery/retention}: points, then blocks of
 * {@code policy key=value ...} followed by the expected kept points ({@code label | reason, reason}) and an
 * {@code end} line. A point's label is how expectations name it: its id, or for restic's snapshots the line itself.
 */
record GoldenVectors(List<Point> points, Map<String, String> labels, List<Case> cases) {

    record Case(String name, KeepRules rules, ZoneId zone, @Nullable Instant now, List<String> expectedKept,
            @Nullable List<String> expectedNotConsidered) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** Restic's snapshot list: one time (and, to tell equal times apart, tags and paths) per line. */
    static GoldenVectors resticSnapshots(String snapshotsResource, String casesResource) throws IOException {
        var points = new ArrayList<Point>();
        var labels = new LinkedHashMap<String, String>();
        for (String line : lines(snapshotsResource)) {
            if (line.startsWith("#")) {
                continue;
            }
            String id = "r" + points.size();
            points.add(new Point(id, Instant.parse(line.split(" ", 2)[0]), PointState.SUCCEEDED));
            labels.put(id, line);
        }
        return new GoldenVectors(points, labels, cases(lines(casesResource), ZoneId.of("UTC")));
    }

    /** A file holding its own points ({@code point <id> <instant> <state>}) and cases, in {@code defaultZone}. */
    static GoldenVectors selfContained(String resource, ZoneId defaultZone) throws IOException {
        var points = new ArrayList<Point>();
        var labels = new LinkedHashMap<String, String>();
        var rest = new ArrayList<String>();
        for (String line : lines(resource)) {
            if (line.startsWith("point ")) {
                String[] parts = line.split("\\s+");
                points.add(new Point(parts[1], Instant.parse(parts[2]), PointState.valueOf(parts[3])));
                labels.put(parts[1], parts[1]);
                rest.clear(); // comments above or between points describe the points, not a case
            } else {
                rest.add(line);
            }
        }
        return new GoldenVectors(points, labels, cases(rest, defaultZone));
    }

    /** What a plan kept, rendered the way the files write it. */
    List<String> render(RetentionPlan plan) {
        return plan.decisions().stream().filter(Decision::kept)
                .map(d -> labels.get(d.point().id()) + " | " + String.join(", ", d.reasons()))
                .toList();
    }

    private static List<Case> cases(List<String> lines, ZoneId defaultZone) {
        var cases = new ArrayList<Case>();
        String comment = "";
        boolean inComment = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#")) {
                // The first line of the comment paragraph before a policy names the case.
                if (!inComment) {
                    comment = line.substring(1).strip();
                }
                inComment = true;
                continue;
            }
            inComment = false;
            if (!line.equals("policy") && !line.startsWith("policy ")) {
                throw new IllegalStateException("expected 'policy' at: " + line);
            }
            KeepRules rules = KeepRules.NONE;
            ZoneId zone = defaultZone;
            Instant now = null;
            for (String setting : line.substring("policy".length()).strip().split("\\s+")) {
                if (setting.isEmpty()) {
                    continue;
                }
                String[] kv = setting.split("=", 2);
                switch (kv[0]) {
                    case "zone" -> zone = ZoneId.of(kv[1]);
                    case "now" -> now = Instant.parse(kv[1]);
                    default -> rules = with(rules, kv[0], kv[1]);
                }
            }
            var kept = new ArrayList<String>();
            List<String> notConsidered = null;
            for (i++; !lines.get(i).equals("end"); i++) {
                String expected = lines.get(i);
                if (expected.startsWith("not-considered ")) {
                    notConsidered = List.of(expected.substring("not-considered ".length()).strip().split("\\s+"));
                } else {
                    kept.add(expected);
                }
            }
            cases.add(new Case(line + (comment.isEmpty() ? "" : "  (" + comment + ")"), rules, zone, now, kept,
                    notConsidered));
            comment = "";
        }
        return cases;
    }

    private static KeepRules with(KeepRules rules, String key, String value) {
        return switch (key) {
            case "last" -> rules.withLast(count(value));
            case "hourly" -> rules.withHourly(count(value));
            case "daily" -> rules.withDaily(count(value));
            case "weekly" -> rules.withWeekly(count(value));
            case "monthly" -> rules.withMonthly(count(value));
            case "yearly" -> rules.withYearly(count(value));
            case "within" -> rules.withWithin(CalendarSpan.parse(value, key));
            case "withinHourly" -> rules.withWithinHourly(CalendarSpan.parse(value, key));
            case "withinDaily" -> rules.withWithinDaily(CalendarSpan.parse(value, key));
            case "withinWeekly" -> rules.withWithinWeekly(CalendarSpan.parse(value, key));
            case "withinMonthly" -> rules.withWithinMonthly(CalendarSpan.parse(value, key));
            case "withinYearly" -> rules.withWithinYearly(CalendarSpan.parse(value, key));
            default -> throw new IllegalStateException("unknown rule " + key);
        };
    }

    private static int count(String value) {
        return value.equals("unlimited") ? KeepRules.UNLIMITED : Integer.parseInt(value);
    }

    /** Non-blank lines, trailing comments (two spaces then #) removed; whole-line comments stay. */
    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(GoldenVectors.class.getResourceAsStream(resource), resource)) {
            var result = new ArrayList<String>();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                int comment = line.indexOf("  #");
                if (comment > 0) {
                    line = line.substring(0, comment).strip();
                }
                if (!line.isEmpty()) {
                    result.add(line);
                }
            }
            return result;
        }
    }
}
