package dev.gantry.recovery.internal.store;

import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.KeepRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code recovery_backup_plan} table. */
@Repository
public class PlanStore {

    /** A plan as stored, before objectives are resolved. */
    public record StoredPlan(UUID id, BackupPlanDraft draft, boolean enabled, @Nullable Instant rpoAlertedFor,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {
    }

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, BackupPlanDraft draft, Instant now, String actor) {
        jdbc.sql("""
                insert into recovery_backup_plan (id, name, service_id, service_name, source_kind, source_config,
                    cron, locations, keep_last, keep_hourly, keep_daily, keep_weekly, keep_monthly, keep_yearly,
                    keep_within, rpo_override, rto_override, grace, enabled, created_at, created_by, updated_at,
                    updated_by, version)
                values (:id, :name, :serviceId, :serviceName, :sourceKind, :sourceConfig, :cron, :locations,
                    :last, :hourly, :daily, :weekly, :monthly, :yearly, :within, :rpo, :rto, :grace, true,
                    :now, :actor, :now, :actor, 1)""")
                .param("id", id).params(columns(draft)).param("now", Sql.time(now)).param("actor", actor).update();
    }

    /** @return false when the stored version is not {@code expectedVersion} (someone else changed it) */
    public boolean update(UUID id, long expectedVersion, BackupPlanDraft draft, boolean enabled, Instant now,
            String actor) {
        return jdbc.sql("""
                update recovery_backup_plan set name = :name, service_id = :serviceId, service_name = :serviceName,
                    source_kind = :sourceKind, source_config = :sourceConfig, cron = :cron, locations = :locations,
                    keep_last = :last, keep_hourly = :hourly, keep_daily = :daily, keep_weekly = :weekly,
                    keep_monthly = :monthly, keep_yearly = :yearly, keep_within = :within, rpo_override = :rpo,
                    rto_override = :rto, grace = :grace, enabled = :enabled, updated_at = :now, updated_by = :actor,
                    version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", expectedVersion).params(columns(draft))
                .param("enabled", enabled).param("now", Sql.time(now)).param("actor", actor).update() == 1;
    }

    public Optional<StoredPlan> find(UUID id) {
        return jdbc.sql("select * from recovery_backup_plan where id = ?").param(id).query(PlanStore::map).optional();
    }

    public Optional<StoredPlan> lock(UUID id) {
        return jdbc.sql("select * from recovery_backup_plan where id = ? for update").param(id)
                .query(PlanStore::map).optional();
    }

    public boolean nameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select count(*) from recovery_backup_plan where name = :name and id <> :except")
                .param("name", name).param("except", except == null ? new UUID(0, 0) : except)
                .query(Long.class).single() > 0;
    }

    public List<StoredPlan> all() {
        return jdbc.sql("select * from recovery_backup_plan order by name").query(PlanStore::map).list();
    }

    public void rpoAlerted(UUID id, Instant deadline) {
        jdbc.sql("update recovery_backup_plan set rpo_alerted_for = ? where id = ?")
                .param(Sql.time(deadline)).param(id).update();
    }

    private static java.util.Map<String, Object> columns(BackupPlanDraft draft) {
        KeepRules keep = draft.keep();
        var columns = new java.util.HashMap<String, Object>();
        columns.put("name", draft.name());
        columns.put("serviceId", draft.serviceId());
        columns.put("serviceName", draft.serviceName());
        columns.put("sourceKind", Codec.sourceKind(draft.source()));
        columns.put("sourceConfig", Codec.encode(draft.source()));
        columns.put("cron", draft.cron());
        columns.put("locations", Codec.encodeLocations(draft.locations()));
        columns.put("last", keep.last());
        columns.put("hourly", keep.hourly());
        columns.put("daily", keep.daily());
        columns.put("weekly", keep.weekly());
        columns.put("monthly", keep.monthly());
        columns.put("yearly", keep.yearly());
        columns.put("within", Sql.duration(keep.within()));
        columns.put("rpo", Sql.duration(draft.rpo()));
        columns.put("rto", Sql.duration(draft.rto()));
        columns.put("grace", draft.grace().toString());
        return columns;
    }

    private static StoredPlan map(ResultSet rows, int n) throws SQLException {
        var keep = new KeepRules(rows.getInt("keep_last"), rows.getInt("keep_hourly"), rows.getInt("keep_daily"),
                rows.getInt("keep_weekly"), rows.getInt("keep_monthly"), rows.getInt("keep_yearly"),
                Sql.duration(rows, "keep_within"));
        var draft = new BackupPlanDraft(rows.getString("service_id"), rows.getString("service_name"),
                rows.getString("name"), Codec.decodeSource(rows.getString("source_kind"),
                rows.getString("source_config")), rows.getString("cron"),
                Codec.decodeLocations(rows.getString("locations")), keep, Sql.duration(rows, "rpo_override"),
                Sql.duration(rows, "rto_override"), Sql.duration(rows, "grace"));
        return new StoredPlan(Sql.uuid(rows, "id"), draft, rows.getBoolean("enabled"),
                Sql.instant(rows, "rpo_alerted_for"), Sql.instant(rows, "created_at"), rows.getString("created_by"),
                Sql.instant(rows, "updated_at"), rows.getString("updated_by"), rows.getLong("version"));
    }
}
