package dev.gantry.domain.policy;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the fields of one YAML mapping into typed values, reporting every problem with its position and path.
 *
 * <p>A field that is missing or malformed is reported and read as a harmless placeholder (0, "", the first enum
 * constant, an empty list), so reading carries on and finds the next problem; {@link #build} then discards whatever
 * was built from placeholders. It also remembers which names were asked for, so names nobody asked for are typos.
 */
final class YamlFields {

    /** What the resolver gives plain YAML; any other tag was written explicitly and could ask for a Java type. */
    private static final Set<Tag> PLAIN_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.MAP, Tag.SEQ);

    private final Node at;
    private final String path;
    private final Problems problems;
    private final Map<String, NodeTuple> entries;
    private final boolean malformed;
    private final Scalars scalars;
    private final Set<String> asked = new LinkedHashSet<>();

    private YamlFields(Node at, String path, Problems problems, Map<String, NodeTuple> entries,
                       boolean malformed) {
        this.at = at;
        this.path = path;
        this.problems = problems;
        this.entries = entries;
        this.malformed = malformed;
        this.scalars = new Scalars(problems);
    }

    static YamlFields of(Node node, String path, Problems problems) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping && plain(node, path, problems)) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key) || isEmpty(key)) {
                    problems.at(tuple.getKeyNode(), path, "names must be plain words");
                    continue;
                }
                NodeTuple first = entries.putIfAbsent(key.getValue(), tuple);
                if (first != null) {
                    problems.at(key, join(path, key.getValue()), "is given twice (first at line "
                            + (first.getKeyNode().getStartMark().getLine() + 1) + ")");
                }
            }
        } else if (!isEmpty(node)) {
            problems.at(node, path, "must be a mapping of names to values");
            // One problem for the whole value, rather than one "is required" per field it should have had.
            return new YamlFields(node, path, problems, Map.of(), true);
        }
        return new YamlFields(node, path, problems, entries, false);
    }

    /** For a mapping that is not there at all: every required field is reported as missing at {@code parent}. */
    static YamlFields absent(Node parent, String path, Problems problems) {
        return new YamlFields(parent, path, problems, Map.of(), false);
    }

    Node position() {
        return at;
    }

    String field(String key) {
        return join(path, key);
    }

    Optional<Node> node(String key) {
        return value(key, false);
    }

    String text(String key, int maxLength) {
        return read(key, true, (node, field) -> scalars.toText(node, field, maxLength)).orElse("");
    }

    Optional<String> optionalText(String key, int maxLength) {
        return read(key, false, (node, field) -> scalars.toText(node, field, maxLength));
    }

    String text(String key, int maxLength, Pattern pattern, String expectation) {
        return read(key, true, (node, field) -> {
            String text = scalars.toText(node, field, maxLength);
            if (text != null && !pattern.matcher(text).matches()) {
                problems.at(node, field, "'" + text + "' " + expectation);
                return null;
            }
            return text;
        }).orElse("");
    }

    int integer(String key, int min, int max) {
        return read(key, true, (node, field) -> scalars.toInteger(node, field, min, max)).orElse(min);
    }

    double number(String key, double min, double max) {
        return read(key, true, (node, field) -> scalars.toNumber(node, field, min, max)).orElse(min);
    }

    boolean flag(String key) {
        return read(key, true, scalars::toFlag).orElse(false);
    }

    boolean flag(String key, boolean otherwise) {
        return read(key, false, scalars::toFlag).orElse(otherwise);
    }

    /** A positive span of clock time: {@code PT48H}, {@code PT5M}, {@code P2D}. */
    Duration duration(String key) {
        return read(key, true, (node, field) -> scalars.toDuration(node, field, false)).orElse(Duration.ZERO);
    }

    Optional<Duration> optionalDuration(String key) {
        return read(key, false, (node, field) -> scalars.toDuration(node, field, false));
    }

    /** Like {@link #duration} but zero is allowed: an offset such as "at once" ({@code PT0S}). */
    Duration offset(String key) {
        return read(key, true, (node, field) -> scalars.toDuration(node, field, true)).orElse(Duration.ZERO);
    }

    /** A positive calendar span: {@code P90D}, {@code P2W}, {@code P3M}, {@code P1Y}. */
    Period period(String key) {
        return read(key, true, scalars::toPeriod).orElse(Period.ZERO);
    }

    Optional<Period> optionalPeriod(String key) {
        return read(key, false, scalars::toPeriod);
    }

    <E extends Enum<E>> E choice(String key, Class<E> type) {
        return read(key, true, (node, field) -> scalars.toChoice(node, field, type)).orElse(type.getEnumConstants()[0]);
    }

    <E extends Enum<E>> Optional<E> optionalChoice(String key, Class<E> type) {
        return read(key, false, (node, field) -> scalars.toChoice(node, field, type));
    }

    <E extends Enum<E>> Set<E> choices(String key, Class<E> type, boolean required) {
        Set<E> values = EnumSet.noneOf(type);
        forEachItem(key, required, (item, field) -> {
            @Nullable E value = scalar(item, field).map(node -> scalars.toChoice(node, field, type)).orElse(null);
            if (value != null && values.contains(value)) {
                problems.at(item, field, value + " is listed twice");
            } else if (value != null) {
                values.add(value);
            }
        });
        return values;
    }

    List<Integer> integers(String key, int min, int max) {
        List<Integer> values = new ArrayList<>();
        forEachItem(key, false, (item, field) ->
                scalar(item, field).map(node -> scalars.toInteger(node, field, min, max)).ifPresent(values::add));
        return values;
    }

    List<String> texts(String key, int maxLength) {
        List<String> values = new ArrayList<>();
        forEachItem(key, false, (item, field) ->
                scalar(item, field).map(node -> scalars.toText(node, field, maxLength)).ifPresent(values::add));
        return values;
    }

    /** A list of mappings, each read by {@code reader} and checked for unknown names. */
    <T> List<T> mappings(String key, Function<YamlFields, T> reader) {
        List<T> values = new ArrayList<>();
        forEachItem(key, true, (item, field) -> {
            YamlFields element = of(item, field, problems);
            element.build(reader).ifPresent(values::add);
            element.rejectUnknown("field", "");
        });
        return values;
    }

    /** A mapping from enum constants to texts, e.g. {@code levels: {P0: Complete outage}}. */
    <E extends Enum<E>> Map<E, String> textsByChoice(String key, Class<E> type, int maxLength) {
        Map<E, String> values = new EnumMap<>(type);
        value(key, true).ifPresent(node -> {
            YamlFields inner = of(node, field(key), problems);
            inner.entries.forEach((name, tuple) -> {
                String field = inner.field(name);
                @Nullable E choice = scalars.toChoice((ScalarNode) tuple.getKeyNode(), field, type);
                @Nullable String text =
                        inner.read(name, true, (value, f) -> scalars.toText(value, f, maxLength)).orElse(null);
                if (choice != null && text != null) {
                    values.put(choice, text);
                }
            });
            if (inner.entries.isEmpty()) {
                problems.at(node, field(key), "must define at least one entry");
            }
        });
        return values;
    }

    /**
     * Builds a value from these fields; empty if any problem was reported while reading, since the value then holds
     * placeholders. A record refusing its values (they name the parameter first, e.g. "min: must be >= 0") becomes
     * a problem at that parameter.
     */
    <T> Optional<T> build(Function<YamlFields, T> reader) {
        if (malformed) {
            return Optional.empty();
        }
        int before = problems.count();
        try {
            T built = reader.apply(this);
            return problems.count() == before ? Optional.of(built) : Optional.empty();
        } catch (IllegalArgumentException refused) {
            if (problems.count() == before) {
                reportRefusal(String.valueOf(refused.getMessage()));
            }
            return Optional.empty();
        }
    }

    /** Reports every name in this mapping that no reader asked for: in a pack, a typo must not pass silently. */
    void rejectUnknown(String noun, String owner) {
        entries.forEach((name, tuple) -> {
            if (asked.contains(name)) {
                return;
            }
            String message = asked.isEmpty()
                    ? owner + " takes no " + noun + "s"
                    : "unknown " + noun + " '" + name + "'" + (owner.isEmpty() ? "" : " for " + owner)
                            + Suggestions.hint(name, asked) + "; known " + noun + "s: " + String.join(", ", asked);
            problems.at(tuple.getKeyNode(), field(name), message);
        });
    }

    private void reportRefusal(String message) {
        int colon = message.indexOf(": ");
        if (colon > 0) {
            String name = message.substring(0, colon);
            Optional<Node> node = locate(name);
            if (node.isPresent()) {
                problems.at(node.get(), field(name), message.substring(colon + 2));
                return;
            }
        }
        problems.at(at, path, message);
    }

    /** Finds {@code name} or {@code name[i]...} among these fields. */
    private Optional<Node> locate(String name) {
        String[] parts = name.split("[\\[\\].]+");
        NodeTuple tuple = entries.get(parts[0]);
        if (tuple == null) {
            return Optional.empty();
        }
        Node node = tuple.getValueNode();
        if (parts.length > 1 && parts[1].matches("[0-9]+") && node instanceof SequenceNode sequence
                && Integer.parseInt(parts[1]) < sequence.getValue().size()) {
            node = sequence.getValue().get(Integer.parseInt(parts[1]));
        }
        return Optional.of(node);
    }

    private <T> Optional<T> read(String key, boolean required, Scalars.Parser<T> parser) {
        String field = field(key);
        return value(key, required).flatMap(node -> scalar(node, field)).map(node -> parser.parse(node, field));
    }

    private Optional<Node> value(String key, boolean required) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            if (required && !malformed) {
                problems.at(at, field(key), "is required");
            }
            return Optional.empty();
        }
        Node value = tuple.getValueNode();
        if (isEmpty(value)) {
            if (required) {
                problems.at(tuple.getKeyNode(), field(key), "must not be empty");
            }
            return Optional.empty();
        }
        return plain(value, field(key), problems) ? Optional.of(value) : Optional.empty();
    }

    private interface ItemReader {
        void read(Node item, String field);
    }

    private void forEachItem(String key, boolean required, ItemReader reader) {
        value(key, required).ifPresent(node -> {
            if (!(node instanceof SequenceNode sequence)) {
                problems.at(node, field(key), "must be a list, e.g. [A, B]");
                return;
            }
            if (required && sequence.getValue().isEmpty()) {
                problems.at(node, field(key), "must list at least one value");
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String field = field(key) + "[" + i + "]";
                if (plain(items.get(i), field, problems)) {
                    reader.read(items.get(i), field);
                }
            }
        });
    }

    private Optional<ScalarNode> scalar(Node node, String field) {
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar);
        }
        String given = node instanceof SequenceNode ? "list" : "mapping";
        problems.at(node, field, "must be a single value, not a " + given);
        return Optional.empty();
    }

    private static boolean plain(Node node, String field, Problems problems) {
        if (PLAIN_TAGS.contains(node.getTag())) {
            return true;
        }
        problems.at(node, field, "explicit YAML tags such as " + node.getTag() + " are not allowed in a policy pack");
        return false;
    }

    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
