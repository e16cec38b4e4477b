package dev.gantry.recovery.internal.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ordered {@code key=value} lines, the stored form of specs: readable in the database, and exact, since backslash,
 * newline and {@code =} are escaped in keys and values alike.
 */
final class Settings {

    private final Map<String, String> values = new LinkedHashMap<>();

    Settings put(String key, Object value) {
        values.put(key, String.valueOf(value));
        return this;
    }

    Settings putList(String prefix, List<String> items) {
        put(prefix + ".count", items.size());
        for (int i = 0; i < items.size(); i++) {
            put(prefix + "." + i, items.get(i));
        }
        return this;
    }

    String get(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("stored settings lack " + key);
        }
        return value;
    }

    @org.jspecify.annotations.Nullable
    String find(String key) {
        return values.get(key);
    }

    int getInt(String key) {
        return Integer.parseInt(get(key));
    }

    List<String> getList(String prefix) {
        int count = getInt(prefix + ".count");
        var items = new ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            items.add(get(prefix + "." + i));
        }
        return items;
    }

    Map<String, String> withPrefix(String prefix) {
        var found = new LinkedHashMap<String, String>();
        values.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                found.put(k.substring(prefix.length()), v);
            }
        });
        return found;
    }

    String encode() {
        var text = new StringBuilder();
        values.forEach((k, v) -> text.append(escape(k)).append('=').append(escape(v)).append('\n'));
        return text.toString();
    }

    static Settings decode(String text) {
        var settings = new Settings();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int split = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == '=') {
                    split = i;
                    break;
                }
            }
            settings.values.put(unescape(line.substring(0, split)), unescape(line.substring(split + 1)));
        }
        return settings;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\e");
    }

    private static String unescape(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'e' -> '=';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
