package dev.gantry.domain.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" for misspelt kinds, fields and parameters. */
final class Suggestions {

    private Suggestions() {
    }

    static Optional<String> closest(String written, Collection<String> candidates) {
        String typed = written.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, typed.length() / 5);
        return candidates.stream()
                .filter(candidate -> distance(typed, candidate.toLowerCase(Locale.ROOT)) <= tolerance)
                .min(Comparator.comparingInt(candidate -> distance(typed, candidate.toLowerCase(Locale.ROOT))));
    }

    static String hint(String written, Collection<String> candidates) {
        return closest(written, candidates).map(match -> " (did you mean '" + match + "'?)").orElse("");
    }

    /** Levenshtein distance; inputs are short names, so the quadratic table is cheap. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
