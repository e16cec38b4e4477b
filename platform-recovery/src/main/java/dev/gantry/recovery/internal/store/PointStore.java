package dev.gantry.recovery.internal.store;

import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.PayloadFormat;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RestoreExpectation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code recovery_backup_point} table. A point leaves RUNNING exactly once: every finishing update is
 * conditional on {@code state = 'RUNNING'}, so a run that was declared dead can never come back as a success.
 */
@Repository
public class PointStore {

    /** What a finished backup published, where, and what a restore of it must show. */
    public record Outcome(PointState state, @Nullable Instant createdAt, long bytesDone, long archiveBytes,
            int locationsSucceeded, int locationsFailed, List<String> publishedTo, @Nullable String keyId,
            @Nullable String manifestSha256, @Nullable RestoreExpectation expectation, boolean verified,
            @Nullable String failure) {
    }

    private final JdbcClient jdbc;

    PointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertRunning(UUID id, UUID planId, String archiveName, PayloadFormat format, Instant now,
            String actor) {
        jdbc.sql("""
                insert into recovery_backup_point (id, plan_id, archive_name, format, state, started_at,
                    heartbeat_at, bytes_done, archive_bytes, locations_succeeded, locations_failed, published_to,
                    verified, started_by)
                values (?, ?, ?, ?, 'RUNNING', ?, ?, 0, 0, 0, 0, '', false, ?)""")
                .params(id, planId, archiveName, format.name(), Sql.time(now), Sql.time(now), actor).update();
    }

    public void heartbeat(UUID id, long bytesDone, Instant now) {
        jdbc.sql("update recovery_backup_point set bytes_done = ?, heartbeat_at = ? where id = ? and state = 'RUNNING'")
                .params(bytesDone, Sql.time(now), id).update();
    }

    /** @return false if the point was no longer RUNNING (declared dead meanwhile) */
    public boolean finish(UUID id, Outcome outcome, Instant now) {
        return jdbc.sql("""
                update recovery_backup_point set state = :state, finished_at = :now, heartbeat_at = :now,
                    created_at = :createdAt, bytes_done = :bytesDone, archive_bytes = :archiveBytes,
                    locations_succeeded = :ok, locations_failed = :failed, published_to = :publishedTo,
                    key_id = :keyId, manifest_sha256 = :manifest, expectation = :expectation, verified = :verified,
                    failure = :failure
                where id = :id and state = 'RUNNING'""")
                .param("id", id).param("state", outcome.state().name()).param("now", Sql.time(now))
                .param("createdAt", Sql.time(outcome.createdAt())).param("bytesDone", outcome.bytesDone())
                .param("archiveBytes", outcome.archiveBytes()).param("ok", outcome.locationsSucceeded())
                .param("failed", outcome.locationsFailed())
                .param("publishedTo", String.join("\n", outcome.publishedTo()))
                .param("keyId", outcome.keyId()).param("manifest", outcome.manifestSha256())
                .param("expectation", outcome.expectation() == null ? null : Codec.encode(outcome.expectation()))
                .param("verified", outcome.verified())
                .param("failure", outcome.failure() == null ? null : truncate(outcome.failure()))
                .update() == 1;
    }

    /** RUNNING points of a plan whose heartbeat stopped before {@code staleBefore}. */
    public List<BackupPoint> stale(UUID planId, Instant staleBefore) {
        return jdbc.sql("select * from recovery_backup_point where plan_id = ? and state = 'RUNNING' "
                        + "and heartbeat_at < ?").params(planId, Sql.time(staleBefore)).query(PointStore::map).list();
    }

    public boolean markFailed(UUID id, String reason, Instant now) {
        return jdbc.sql("update recovery_backup_point set state = 'FAILED', finished_at = ?, failure = ? "
                + "where id = ? and state = 'RUNNING'").params(Sql.time(now), truncate(reason), id).update() == 1;
    }

    public List<BackupPoint> running(UUID planId) {
        return jdbc.sql("select * from recovery_backup_point where plan_id = ? and state = 'RUNNING'")
                .param(planId).query(PointStore::map).list();
    }

    public Optional<BackupPoint> find(UUID id) {
        return jdbc.sql("select * from recovery_backup_point where id = ?").param(id).query(PointStore::map)
                .optional();
    }

    public RestoreExpectation expectation(UUID id) {
        return Codec.decodeExpectation(jdbc.sql("select expectation from recovery_backup_point where id = ?")
                .param(id).query(String.class).single());
    }

    public List<String> publishedTo(UUID id) {
        String text = jdbc.sql("select published_to from recovery_backup_point where id = ?").param(id)
                .query(String.class).single();
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    /** Newest first. */
    public List<BackupPoint> ofPlan(UUID planId, int limit) {
        return jdbc.sql("select * from recovery_backup_point where plan_id = ? order by started_at desc, id "
                + "fetch first " + Math.max(1, limit) + " rows only").param(planId).query(PointStore::map).list();
    }

    /** Complete backups of a plan, newest first. */
    public List<BackupPoint> succeeded(UUID planId) {
        return jdbc.sql("select * from recovery_backup_point where plan_id = ? and state = 'SUCCEEDED' "
                + "order by created_at desc, id").param(planId).query(PointStore::map).list();
    }

    /** The newest backup of a plan whose latest drill passed: what the plan can really be restored to. */
    public Optional<BackupPoint> newestDrillPassed(UUID planId) {
        return jdbc.sql("select * from recovery_backup_point where plan_id = ? and latest_drill_passed = true "
                + "and created_at is not null order by created_at desc, id fetch first 1 rows only").param(planId)
                .query(PointStore::map).optional();
    }

    public void drilled(UUID id, boolean passed) {
        jdbc.sql("update recovery_backup_point set latest_drill_passed = ? where id = ?").params(passed, id).update();
    }

    public void keptBy(UUID id, @Nullable String reason) {
        jdbc.sql("update recovery_backup_point set kept_by = ? where id = ?").params(reason, id).update();
    }

    /** A point whose copies retention removed: it stays as history, no longer restorable. */
    public void removed(UUID id, Instant now) {
        jdbc.sql("update recovery_backup_point set state = 'EXPIRED', kept_by = null, published_to = '', "
                + "finished_at = coalesce(finished_at, ?) where id = ?").params(Sql.time(now), id).update();
    }

    private static String truncate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    static BackupPoint map(ResultSet rows, int n) throws SQLException {
        return new BackupPoint(Sql.uuid(rows, "id"), Sql.uuid(rows, "plan_id"), rows.getString("archive_name"),
                PayloadFormat.valueOf(rows.getString("format")), PointState.valueOf(rows.getString("state")),
                Sql.instant(rows, "started_at"), Sql.instant(rows, "finished_at"), Sql.instant(rows, "created_at"),
                rows.getLong("bytes_done"), rows.getLong("archive_bytes"), rows.getInt("locations_succeeded"),
                rows.getInt("locations_failed"), rows.getString("key_id"), rows.getString("manifest_sha256"),
                rows.getBoolean("verified"), rows.getString("kept_by"), rows.getString("failure"),
                rows.getString("started_by"), Sql.nullableBoolean(rows, "latest_drill_passed"));
    }
}
