package dev.gantry.secrets.internal.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a leaked secret looks like in a line of text: token formats of common providers and Gantry's own, private
 * key headers, assignments to names like {@code password}, and strings too random to be anything but a key.
 */
public final class LeakRules {

    public static final String HIGH_ENTROPY = "high-entropy-string";
    public static final String MANAGED_VALUE = "gantry-managed-value";
    static final double MIN_ENTROPY_BITS = 4.3;
    static final int MIN_ENTROPY_LENGTH = 24;

    /** A match: which rule, and where in the line the secret part is. */
    public record Match(String rule, int start, int end) {
    }

    private record Rule(String id, Pattern pattern, int group) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("aws-access-key-id", Pattern.compile("\\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\\b"), 1),
            new Rule("github-token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255})\\b"), 1),
            new Rule("github-fine-grained-token", Pattern.compile("\\b(github_pat_[A-Za-z0-9_]{82})\\b"), 1),
            new Rule("gitlab-token", Pattern.compile("\\b(glpat-[A-Za-z0-9_-]{20,})"), 1),
            new Rule("slack-token", Pattern.compile("\\b(xox[baprs]-[A-Za-z0-9-]{10,})"), 1),
            new Rule("stripe-secret-key", Pattern.compile("\\b((?:sk|rk)_live_[A-Za-z0-9]{24,})\\b"), 1),
            new Rule("google-api-key", Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})"), 1),
            new Rule("private-key", Pattern.compile("(-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)"), 1),
            new Rule("gantry-api-token", Pattern.compile("\\b(gty_[A-Za-z0-9_-]{32,})"), 1),
            new Rule("gantry-vault-token", Pattern.compile("\\b(gvt_[A-Za-z0-9_-]{32,})"), 1));

    // Only where no specific rule matched the same value: a named token is the more useful finding.
    private static final Rule GENERIC = new Rule("generic-secret-assignment", Pattern.compile(
            "(?i)(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)"
                    + "[A-Za-z0-9_-]*[\"']?\\s*[:=]\\s*[\"'`]?([^\\s\"'`$<>{}%]{8,})"), 1);

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{" + MIN_ENTROPY_LENGTH + ",}");

    private LeakRules() {
    }

    /** Every rule match in {@code line}, then high-entropy tokens no rule matched. */
    public static List<Match> scan(String line) {
        List<Match> matches = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(line);
            while (matcher.find()) {
                if (!placeholder(matcher.group(rule.group()))) {
                    matches.add(new Match(rule.id(), matcher.start(rule.group()), matcher.end(rule.group())));
                }
            }
        }
        Matcher generic = GENERIC.pattern().matcher(line);
        while (generic.find()) {
            int start = generic.start(GENERIC.group());
            int end = generic.end(GENERIC.group());
            if (!placeholder(generic.group(GENERIC.group())) && !overlapsAny(matches, start, end)) {
                matches.add(new Match(GENERIC.id(), start, end));
            }
        }
        Matcher tokens = TOKEN.matcher(line);
        while (tokens.find()) {
            int start = tokens.start();
            int end = tokens.end();
            String token = tokens.group();
            if (overlapsAny(matches, start, end) || !mixed(token) || entropy(token) < MIN_ENTROPY_BITS) {
                continue;
            }
            matches.add(new Match(HIGH_ENTROPY, start, end));
        }
        return matches;
    }

    /** Shannon entropy in bits per character. */
    public static double entropy(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        text.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = text.codePointCount(0, text.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * (Math.log(p) / Math.log(2));
        }
        return bits;
    }

    static boolean overlapsAny(List<Match> matches, int start, int end) {
        return matches.stream().anyMatch(match -> match.start() < end && start < match.end());
    }

    // Letters and digits both: prose, paths and identifiers rarely are; keys almost always.
    private static boolean mixed(String token) {
        return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLowerCase)
                && token.chars().anyMatch(Character::isUpperCase);
    }

    private static boolean placeholder(String value) {
        String lower = value.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("changeme") || lower.startsWith("example") || lower.startsWith("xxxxxxxx")
                || lower.startsWith("placeholder") || lower.contains("process.env") || lower.contains("getenv");
    }
}
