package dev.gantry.recovery.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Column conversions both H2 and PostgreSQL take the same way. */
final class Sql {

    private Sql() {
    }

    static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID uuid(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    static @Nullable String duration(@Nullable Duration duration) {
        return duration == null ? null : duration.toString();
    }

    static @Nullable Duration duration(ResultSet rows, String column) throws SQLException {
        String value = rows.getString(column);
        return value == null ? null : Duration.parse(value);
    }

    static @Nullable Boolean nullableBoolean(ResultSet rows, String column) throws SQLException {
        boolean value = rows.getBoolean(column);
        return rows.wasNull() ? null : value;
    }
}
