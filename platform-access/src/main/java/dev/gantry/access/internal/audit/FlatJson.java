package dev.gantry.access.internal.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * JSON for flat objects of strings: audit details and checkpoint lines. Hand-written because the stored text is
 * hashed, so its form must never change with a library upgrade, and because it is all the trail needs.
 */
public final class FlatJson {

    private FlatJson() {
    }

    /** Keys in their natural order, no whitespace: one map has exactly one stored form. */
    public static String write(SortedMap<String, String> values) {
        var out = new StringBuilder(16 + values.size() * 32);
        out.append('{');
        var first = true;
        for (var entry : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(entry.getKey(), out);
            out.append(':');
            quote(entry.getValue(), out);
        }
        return out.append('}').toString();
    }

    /**
     * Escapes what JSON requires plus the line separators JavaScript mishandles and unpaired surrogates, which
     * UTF-8 cannot carry: the result survives any JSON parser and any database unchanged.
     */
    public static void quote(String value, StringBuilder out) {
        out.append('"');
        for (var i = 0; i < value.length(); i++) {
            var c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isUnpairedSurrogate(value, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(String value) {
        var out = new StringBuilder(value.length() + 2);
        quote(value, out);
        return out.toString();
    }

    /**
     * Reads an object whose values are strings or non-negative integers (returned as their digits).
     *
     * @throws IllegalArgumentException if the text is anything else
     */
    public static Map<String, String> parse(String text) {
        var parser = new Parser(text);
        var result = parser.object();
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.error("unexpected text after the object");
        }
        return Collections.unmodifiableMap(result);
    }

    private static boolean isUnpairedSurrogate(String s, int i) {
        var c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Map<String, String> object() {
            skipWhitespace();
            expect('{');
            var result = new LinkedHashMap<String, String>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return result;
            }
            while (true) {
                skipWhitespace();
                var key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                var value = peek() == '"' ? string() : digits();
                if (result.put(key, value) != null) {
                    throw error("duplicate key " + key);
                }
                skipWhitespace();
                var c = next();
                if (c == '}') {
                    return result;
                }
                if (c != ',') {
                    throw error("expected ',' or '}'");
                }
            }
        }

        private String string() {
            expect('"');
            var out = new StringBuilder();
            while (true) {
                var c = next();
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                var escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> out.append(escaped);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("truncated \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text, pos, pos + 4, 16));
                        } catch (NumberFormatException e) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape \\" + escaped);
                }
            }
        }

        private String digits() {
            var start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a string or a number");
            }
            return text.substring(start, pos);
        }

        void skipWhitespace() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            if (atEnd()) {
                throw error("unexpected end");
            }
            return text.charAt(pos);
        }

        private char next() {
            var c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("not a flat JSON object: " + what + " at offset " + pos);
        }
    }
}
