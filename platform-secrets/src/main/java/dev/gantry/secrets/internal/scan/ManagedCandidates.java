package dev.gantry.secrets.internal.scan;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pieces of a line that could be a whole secret value: the trimmed line, what follows an {@code =} or
 * {@code :}, quoted strings, and the words between separators. A managed value is found when one of them is it
 * exactly.
 */
final class ManagedCandidates {

    record Span(int start, int end) {
    }

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|'([^']+)'|`([^`]+)`");
    private static final Pattern WORD = Pattern.compile("[^\\s\"'`,;()\\[\\]{}<>]+");
    private static final Pattern PART = Pattern.compile("[^\\s\"'`,;()\\[\\]{}<>=:]+");

    private ManagedCandidates() {
    }

    static Set<Span> of(String line) {
        Set<Span> spans = new LinkedHashSet<>();
        addTrimmed(spans, line, 0, line.length());
        int assignment = firstOf(line, '=', ':');
        if (assignment >= 0) {
            addTrimmed(spans, line, assignment + 1, line.length());
        }
        Matcher quoted = QUOTED.matcher(line);
        while (quoted.find()) {
            for (int group = 1; group <= 3; group++) {
                if (quoted.group(group) != null) {
                    spans.add(new Span(quoted.start(group), quoted.end(group)));
                }
            }
        }
        for (Pattern pattern : new Pattern[] {WORD, PART}) {
            Matcher matcher = pattern.matcher(line);
            while (matcher.find()) {
                spans.add(new Span(matcher.start(), matcher.end()));
            }
        }
        spans.removeIf(span -> span.end() - span.start() < ManagedValueIndex.MIN_LENGTH);
        return spans;
    }

    private static void addTrimmed(Set<Span> spans, String line, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && (Character.isWhitespace(line.charAt(start)) || quote(line.charAt(start)))) {
            start++;
        }
        while (end > start && (Character.isWhitespace(line.charAt(end - 1)) || quote(line.charAt(end - 1))
                || line.charAt(end - 1) == ',' || line.charAt(end - 1) == ';')) {
            end--;
        }
        if (start < end) {
            spans.add(new Span(start, end));
        }
    }

    private static boolean quote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static int firstOf(String line, char a, char b) {
        int first = line.indexOf(a);
        int second = line.indexOf(b);
        if (first < 0) {
            return second;
        }
        return second < 0 ? first : Math.min(first, second);
    }
}
