package dev.gantry.api.recovery;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.gantry.api.RequestValues;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import org.jspecify.annotations.Nullable;

/**
 * The JSON shapes of the recovery API that go both ways (a plan's source, keep rules, a drill's scratch target and
 * checks), with the conversions that name the field of any value they refuse. Durations are ISO-8601 ({@code PT4H},
 * {@code P30D}).
 */
final class RecoveryJson {

    private RecoveryJson() {
    }

    enum SourceKind { GANTRY_DATABASE, POSTGRES, DIRECTORY, COMMAND }

    enum ScratchKind { H2_FILE, POSTGRES, DIRECTORY }

    enum ValidationKind { EXPECTATION, SQL, COMMAND }

    /** What a plan backs up: {@code kind} and the fields that kind needs. */
    record Source(@Nullable String kind, @Nullable String path, @Nullable List<String> argv, @Nullable String host,
                  @Nullable Integer port, @Nullable String database, @Nullable String user,
                  @Nullable String credential) {

        SourceSpec toSpec() {
            return switch (RequestValues.enumValue(SourceKind.class, "source.kind", kind)) {
                case GANTRY_DATABASE -> new SourceSpec.GantryDatabase();
                case POSTGRES -> new SourceSpec.PostgresDatabase(required(host, "source.host"),
                        port == null ? 5432 : port, required(database, "source.database"),
                        required(user, "source.user"), required(credential, "source.credential"));
                case DIRECTORY -> new SourceSpec.DirectoryTree(required(path, "source.path"));
                case COMMAND -> new SourceSpec.Command(argv == null ? List.of() : argv);
            };
        }

        static Source of(SourceSpec spec) {
            return switch (spec) {
                case SourceSpec.GantryDatabase g -> new Source("GANTRY_DATABASE", null, null, null, null, null, null,
                        null);
                case SourceSpec.PostgresDatabase p -> new Source("POSTGRES", null, null, p.host(), p.port(),
                        p.database(), p.user(), p.credential());
                case SourceSpec.DirectoryTree d -> new Source("DIRECTORY", d.path(), null, null, null, null, null,
                        null);
                case SourceSpec.Command c -> new Source("COMMAND", null, c.argv(), null, null, null, null, null);
            };
        }
    }

    /** restic's keep rules; all absent keeps every backup. */
    record Keep(@Nullable Integer last, @Nullable Integer hourly, @Nullable Integer daily, @Nullable Integer weekly,
                @Nullable Integer monthly, @Nullable Integer yearly, @Nullable String within) {

        KeepRules toRules() {
            return new KeepRules(orZero(last), orZero(hourly), orZero(daily), orZero(weekly), orZero(monthly),
                    orZero(yearly), optionalDuration(within, "keep.within"));
        }

        static Keep of(KeepRules rules) {
            return new Keep(rules.last(), rules.hourly(), rules.daily(), rules.weekly(), rules.monthly(),
                    rules.yearly(), text(rules.within()));
        }

        private static int orZero(@Nullable Integer value) {
            return value == null ? 0 : value;
        }
    }

    /** Where a drill or restore puts the restored data: always something new, created for it. */
    record Scratch(@Nullable String kind, @Nullable String parent, @Nullable String host, @Nullable Integer port,
                   @Nullable String user, @Nullable String credential) {

        ScratchSpec toSpec() {
            return switch (RequestValues.enumValue(ScratchKind.class, "scratch.kind", kind)) {
                case H2_FILE -> new ScratchSpec.NewH2File(required(parent, "scratch.parent"));
                case DIRECTORY -> new ScratchSpec.NewDirectory(required(parent, "scratch.parent"));
                case POSTGRES -> new ScratchSpec.NewPostgresDatabase(required(host, "scratch.host"),
                        port == null ? 5432 : port, required(user, "scratch.user"),
                        required(credential, "scratch.credential"));
            };
        }

        static Scratch of(ScratchSpec spec) {
            return switch (spec) {
                case ScratchSpec.NewH2File h -> new Scratch("H2_FILE", h.parent(), null, null, null, null);
                case ScratchSpec.NewDirectory d -> new Scratch("DIRECTORY", d.parent(), null, null, null, null);
                case ScratchSpec.NewPostgresDatabase p -> new Scratch("POSTGRES", null, p.host(), p.port(), p.user(),
                        p.credential());
            };
        }
    }

    /** One check of a drill: the recorded expectation, a SQL assertion, or a command that must exit 0. */
    record Check(@Nullable String kind, @Nullable String name, @Nullable String sql, @Nullable String expected,
                 @Nullable List<String> argv) {

        Validation toValidation() {
            return switch (RequestValues.enumValue(ValidationKind.class, "validations.kind", kind)) {
                case EXPECTATION -> new Validation.MatchesExpectation();
                case SQL -> new Validation.SqlAssertion(required(name, "validation.name"),
                        required(sql, "validation.sql"), expected == null ? "" : expected);
                case COMMAND -> new Validation.CommandCheck(required(name, "validation.name"),
                        argv == null ? List.of() : argv);
            };
        }

        static Check of(Validation validation) {
            return switch (validation) {
                case Validation.MatchesExpectation m -> new Check("EXPECTATION", m.name(), null, null, null);
                case Validation.SqlAssertion s -> new Check("SQL", s.name(), s.sql(), s.expected(), null);
                case Validation.CommandCheck c -> new Check("COMMAND", c.name(), null, null, c.argv());
            };
        }
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        return value;
    }

    static @Nullable Duration optionalDuration(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(value.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + shorten(value) + "' is not an ISO-8601 duration such as "
                    + "PT4H, PT30M or P1D");
        }
    }

    static Duration duration(@Nullable String value, String field, Duration fallback) {
        Duration parsed = optionalDuration(value, field);
        return parsed == null ? fallback : parsed;
    }

    static UUID uuid(@Nullable String value, String field) {
        try {
            return UUID.fromString(required(value, field).strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + shorten(value) + "' is not an id");
        }
    }

    static @Nullable String text(@Nullable Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static String shorten(@Nullable String value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
