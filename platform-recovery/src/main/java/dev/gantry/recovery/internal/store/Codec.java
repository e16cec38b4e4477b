package dev.gantry.recovery.internal.store;

import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.RestoreExpectation;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.TreeEntry;
import dev.gantry.recovery.TreeInventory;
import dev.gantry.recovery.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The stored forms of the specs and expectations the recovery tables hold as text. */
public final class Codec {

    private Codec() {
    }

    static String sourceKind(SourceSpec spec) {
        return switch (spec) {
            case SourceSpec.GantryDatabase g -> "GANTRY_DATABASE";
            case SourceSpec.PostgresDatabase p -> "POSTGRES";
            case SourceSpec.DirectoryTree d -> "DIRECTORY";
            case SourceSpec.Command c -> "COMMAND";
        };
    }

    static String encode(SourceSpec spec) {
        var s = new Settings();
        switch (spec) {
            case SourceSpec.GantryDatabase g -> { }
            case SourceSpec.PostgresDatabase p -> s.put("host", p.host()).put("port", p.port())
                    .put("database", p.database()).put("user", p.user()).put("credential", p.credential());
            case SourceSpec.DirectoryTree d -> s.put("path", d.path());
            case SourceSpec.Command c -> s.putList("argv", c.argv());
        }
        return s.encode();
    }

    static SourceSpec decodeSource(String kind, String text) {
        Settings s = Settings.decode(text);
        return switch (kind) {
            case "GANTRY_DATABASE" -> new SourceSpec.GantryDatabase();
            case "POSTGRES" -> new SourceSpec.PostgresDatabase(s.get("host"), s.getInt("port"), s.get("database"),
                    s.get("user"), s.get("credential"));
            case "DIRECTORY" -> new SourceSpec.DirectoryTree(s.get("path"));
            case "COMMAND" -> new SourceSpec.Command(s.getList("argv"));
            default -> throw new IllegalStateException("unknown source kind " + kind);
        };
    }

    static String encodeLocations(List<LocationSpec> locations) {
        return new Settings().putList("directory", locations.stream()
                .map(l -> ((LocationSpec.Directory) l).path()).toList()).encode();
    }

    static List<LocationSpec> decodeLocations(String text) {
        return Settings.decode(text).getList("directory").stream()
                .<LocationSpec>map(LocationSpec.Directory::new).toList();
    }

    static String scratchKind(ScratchSpec spec) {
        return switch (spec) {
            case ScratchSpec.NewH2File h -> "H2_FILE";
            case ScratchSpec.NewPostgresDatabase p -> "POSTGRES_DATABASE";
            case ScratchSpec.NewDirectory d -> "DIRECTORY";
        };
    }

    static String encode(ScratchSpec spec) {
        var s = new Settings();
        switch (spec) {
            case ScratchSpec.NewH2File h -> s.put("parent", h.parent());
            case ScratchSpec.NewPostgresDatabase p -> s.put("host", p.host()).put("port", p.port())
                    .put("user", p.user()).put("credential", p.credential());
            case ScratchSpec.NewDirectory d -> s.put("parent", d.parent());
        }
        return s.encode();
    }

    static ScratchSpec decodeScratch(String kind, String text) {
        Settings s = Settings.decode(text);
        return switch (kind) {
            case "H2_FILE" -> new ScratchSpec.NewH2File(s.get("parent"));
            case "POSTGRES_DATABASE" -> new ScratchSpec.NewPostgresDatabase(s.get("host"), s.getInt("port"),
                    s.get("user"), s.get("credential"));
            case "DIRECTORY" -> new ScratchSpec.NewDirectory(s.get("parent"));
            default -> throw new IllegalStateException("unknown scratch kind " + kind);
        };
    }

    static String encodeValidations(List<Validation> validations) {
        var s = new Settings().put("count", validations.size());
        for (int i = 0; i < validations.size(); i++) {
            String p = "v" + i + ".";
            switch (validations.get(i)) {
                case Validation.MatchesExpectation m -> s.put(p + "kind", "EXPECTATION");
                case Validation.SqlAssertion q -> s.put(p + "kind", "SQL").put(p + "name", q.name())
                        .put(p + "sql", q.sql()).put(p + "expected", q.expected());
                case Validation.CommandCheck c -> s.put(p + "kind", "COMMAND").put(p + "name", c.name())
                        .putList(p + "argv", c.argv());
            }
        }
        return s.encode();
    }

    static List<Validation> decodeValidations(String text) {
        Settings s = Settings.decode(text);
        var validations = new ArrayList<Validation>();
        for (int i = 0; i < s.getInt("count"); i++) {
            String p = "v" + i + ".";
            validations.add(switch (s.get(p + "kind")) {
                case "EXPECTATION" -> new Validation.MatchesExpectation();
                case "SQL" -> new Validation.SqlAssertion(s.get(p + "name"), s.get(p + "sql"), s.get(p + "expected"));
                case "COMMAND" -> new Validation.CommandCheck(s.get(p + "name"), s.getList(p + "argv"));
                default -> throw new IllegalStateException("unknown validation " + s.get(p + "kind"));
            });
        }
        return validations;
    }

    public static String encode(RestoreExpectation expectation) {
        var s = new Settings();
        switch (expectation) {
            case RestoreExpectation.TableRows rows -> {
                s.put("kind", "ROWS");
                rows.rowsByTable().forEach((table, count) -> s.put("rows." + table, count));
            }
            case RestoreExpectation.StreamBytes stream -> s.put("kind", "STREAM").put("bytes", stream.bytes())
                    .put("sha256", stream.sha256());
            case RestoreExpectation.TreeFiles tree -> {
                s.put("kind", "TREE").put("count", tree.inventory().entries().size());
                List<TreeEntry> entries = tree.inventory().entries();
                for (int i = 0; i < entries.size(); i++) {
                    TreeEntry e = entries.get(i);
                    String p = "e" + i + ".";
                    s.put(p + "path", e.path()).put(p + "kind", e.kind()).put(p + "mode", e.mode())
                            .put(p + "size", e.size());
                    if (e.sha256() != null) {
                        s.put(p + "sha256", e.sha256());
                    }
                    if (e.linkTarget() != null) {
                        s.put(p + "target", e.linkTarget());
                    }
                }
            }
        }
        return s.encode();
    }

    public static RestoreExpectation decodeExpectation(String text) {
        Settings s = Settings.decode(text);
        return switch (s.get("kind")) {
            case "ROWS" -> {
                var rows = new TreeMap<String, Long>();
                s.withPrefix("rows.").forEach((table, count) -> rows.put(table, Long.parseLong(count)));
                yield new RestoreExpectation.TableRows(rows);
            }
            case "STREAM" -> new RestoreExpectation.StreamBytes(Long.parseLong(s.get("bytes")), s.get("sha256"));
            case "TREE" -> {
                var entries = new ArrayList<TreeEntry>();
                for (int i = 0; i < s.getInt("count"); i++) {
                    String p = "e" + i + ".";
                    entries.add(new TreeEntry(s.get(p + "path"), TreeEntry.Kind.valueOf(s.get(p + "kind")),
                            s.getInt(p + "mode"), Long.parseLong(s.get(p + "size")), s.find(p + "sha256"),
                            s.find(p + "target")));
                }
                yield new RestoreExpectation.TreeFiles(new TreeInventory(entries));
            }
            default -> throw new IllegalStateException("unknown expectation " + s.get("kind"));
        };
    }
}
