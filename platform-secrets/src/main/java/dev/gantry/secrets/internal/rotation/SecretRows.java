package dev.gantry.secrets.internal.rotation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Secrets with their labels in one query, for scheduling and the dashboard; no values. */
@Component
public class SecretRows {

    /** A secret as rotation sees it. {@code currentSince} is when CURRENT became current. */
    public record SecretRow(UUID id, String path, long currentVersion, @Nullable Instant currentSince,
            @Nullable Long pendingVersion, @Nullable Long previousVersion) {
    }

    /** A replaced version waiting to be revoked, with when it was last read. */
    public record RetiredRow(UUID secretId, String path, long version, String rotator, Instant revokeAfter,
            java.time.Duration quiet, @Nullable Instant lastReadAt, boolean valueGone) {
    }

    private final JdbcTemplate jdbc;

    SecretRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<SecretRow> under(String prefix) {
        String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("select m.id, m.path, c.version, v.current_since, p.version, pr.version "
                + "from secret_metadata m "
                + "left join secret_stage c on c.secret_id = m.id and c.label = 'CURRENT' "
                + "left join secret_version v on v.secret_id = m.id and v.version = c.version "
                + "left join secret_stage p on p.secret_id = m.id and p.label = 'PENDING' "
                + "left join secret_stage pr on pr.secret_id = m.id and pr.label = 'PREVIOUS' "
                + "where m.path like ? escape '\\' order by m.path", (rows, i) -> new SecretRow(
                        rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3), instant(rows, 4),
                        nullableLong(rows, 5), nullableLong(rows, 6)), pattern);
    }

    public List<RetiredRow> awaitingRevocation(Instant now) {
        return jdbc.query("select r.secret_id, m.path, r.version, r.rotator, r.revoke_after, r.quiet_period, "
                + "rd.last_read_at, v.ciphertext is null "
                + "from secret_retired_version r "
                + "join secret_metadata m on m.id = r.secret_id "
                + "join secret_version v on v.secret_id = r.secret_id and v.version = r.version "
                + "left join secret_version_read rd on rd.version_id = v.id "
                + "where r.revoked_at is null and r.revoke_after <= ? order by r.revoke_after",
                (rows, i) -> new RetiredRow(rows.getObject(1, UUID.class), rows.getString(2), rows.getLong(3),
                        rows.getString(4), instant(rows, 5), java.time.Duration.parse(rows.getString(6)),
                        instant(rows, 7), rows.getBoolean(8)), Timestamp.from(now));
    }

    private static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
