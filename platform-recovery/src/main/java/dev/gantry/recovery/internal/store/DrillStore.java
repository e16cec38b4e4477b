package dev.gantry.recovery.internal.store;

import dev.gantry.recovery.CheckResult;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.DrillVerdict;
import dev.gantry.recovery.RecoveryObjectives;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drill plans, drills, their checks, and the record of key escrow exports. */
@Repository
public class DrillStore {

    private final JdbcClient jdbc;

    DrillStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertPlan(UUID id, DrillPlanDraft draft, Instant now, String actor) {
        jdbc.sql("""
                insert into recovery_drill_plan (id, name, backup_plan_id, cron, selection, selection_window,
                    scratch_kind, scratch_config, validations, work_window, enabled, created_at, created_by,
                    updated_at, updated_by, version)
                values (:id, :name, :backupPlan, :cron, :selection, :selectionWindow, :scratchKind, :scratchConfig,
                    :validations, :window, true, :now, :actor, :now, :actor, 1)""")
                .param("id", id).params(columns(draft)).param("now", Sql.time(now)).param("actor", actor).update();
    }

    public boolean updatePlan(UUID id, long expectedVersion, DrillPlanDraft draft, boolean enabled, Instant now,
            String actor) {
        return jdbc.sql("""
                update recovery_drill_plan set name = :name, backup_plan_id = :backupPlan, cron = :cron,
                    selection = :selection, selection_window = :selectionWindow, scratch_kind = :scratchKind,
                    scratch_config = :scratchConfig, validations = :validations, work_window = :window,
                    enabled = :enabled, updated_at = :now, updated_by = :actor, version = version + 1
                where id = :id and version = :version""")
                .param("id", id).param("version", expectedVersion).params(columns(draft)).param("enabled", enabled)
                .param("now", Sql.time(now)).param("actor", actor).update() == 1;
    }

    public Optional<DrillPlan> plan(UUID id) {
        return jdbc.sql("select * from recovery_drill_plan where id = ?").param(id).query(DrillStore::mapPlan)
                .optional();
    }

    public List<DrillPlan> plans() {
        return jdbc.sql("select * from recovery_drill_plan order by name").query(DrillStore::mapPlan).list();
    }

    public boolean planNameTaken(String name, @Nullable UUID except) {
        return jdbc.sql("select count(*) from recovery_drill_plan where name = :name and id <> :except")
                .param("name", name).param("except", except == null ? new UUID(0, 0) : except)
                .query(Long.class).single() > 0;
    }

    public void insertDrill(UUID id, UUID drillPlanId, UUID backupPlanId, @Nullable UUID pointId,
            DrillReport.Kind kind, long seed, Duration window, String scratch, Instant startedAt, RecoveryObjectives objectives,
            String actor) {
        jdbc.sql("""
                insert into recovery_drill (id, drill_plan_id, backup_plan_id, point_id, kind, seed, work_window,
                    scratch, started_at, verdict, rto_objective, rpo_objective, objectives_source, actor)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?)""")
                .params(id, drillPlanId, backupPlanId, pointId, kind.name(), seed, window.toString(), scratch, Sql.time(startedAt),
                        Sql.duration(objectives.rto()), Sql.duration(objectives.rpo()),
                        truncate(objectives.source(), 200), actor)
                .update();
    }

    /**
     * Stores how the drill ended. Conditional on the drill still being RUNNING, like a backup point's finish: a
     * drill a sweep declared interrupted never comes back with another verdict.
     *
     * @return false if the drill was no longer RUNNING
     */
    public boolean finishDrill(UUID id, DrillVerdict verdict, List<CheckResult> checks, Instant finishedAt,
            @Nullable Duration rto, @Nullable Duration rpo, @Nullable String cleanupProblem) {
        String firstFailed = switch (verdict) {
            case DrillVerdict.Failed f -> f.firstFailedCheck();
            case DrillVerdict.TimedOut t -> "the validation window of " + t.window() + " ran out";
            case DrillVerdict.Interrupted i -> i.reason();
            case DrillVerdict.Passed p -> null;
            case DrillVerdict.PassedWithRtoBreach b -> null;
        };
        boolean finished = jdbc.sql("""
                update recovery_drill set finished_at = ?, verdict = ?, first_failed_check = ?, rto_achieved_ms = ?,
                    rpo_achieved_ms = ?, cleanup_problem = ?
                where id = ? and verdict = 'RUNNING'""")
                .params(Sql.time(finishedAt), verdict.name(), firstFailed == null ? null : truncate(firstFailed, 2000),
                        rto == null ? null : rto.toMillis(), rpo == null ? null : rpo.toMillis(),
                        cleanupProblem == null ? null : truncate(cleanupProblem, 2000), id)
                .update() == 1;
        if (!finished) {
            return false;
        }
        for (int i = 0; i < checks.size(); i++) {
            CheckResult check = checks.get(i);
            jdbc.sql("insert into recovery_drill_check (drill_id, position, name, passed, detail, took_ms) "
                    + "values (?, ?, ?, ?, ?, ?)").params(id, i, truncate(check.name(), 100), check.passed(),
                    truncate(check.detail(), 2000), check.took().toMillis()).update();
        }
        return true;
    }

    /** A drill stored as RUNNING: on this node or another, alive or not. */
    public record RunningDrill(UUID id, UUID drillPlanId, UUID backupPlanId, String scratch, Instant startedAt,
            Duration window) {
    }

    public List<RunningDrill> running() {
        return jdbc.sql("select id, drill_plan_id, backup_plan_id, scratch, started_at, work_window "
                + "from recovery_drill where verdict = 'RUNNING' order by started_at")
                .query((rows, n) -> new RunningDrill(Sql.uuid(rows, "id"), Sql.uuid(rows, "drill_plan_id"),
                        Sql.uuid(rows, "backup_plan_id"), String.valueOf(rows.getString("scratch")),
                        Sql.instant(rows, "started_at"), Sql.duration(rows, "work_window")))
                .list();
    }

    public Optional<DrillReport> drill(UUID id) {
        List<CheckResult> checks = jdbc.sql("select * from recovery_drill_check where drill_id = ? order by position")
                .param(id).query((rows, n) -> new CheckResult(rows.getString("name"), rows.getBoolean("passed"),
                        rows.getString("detail"), Duration.ofMillis(rows.getLong("took_ms")))).list();
        return jdbc.sql("select * from recovery_drill where id = ?").param(id)
                .query((rows, n) -> mapDrill(rows, checks)).optional();
    }

    /** Newest first. */
    public List<UUID> drillsOf(UUID drillPlanId, int limit) {
        return jdbc.sql("select id from recovery_drill where drill_plan_id = ? order by started_at desc "
                + "fetch first " + Math.max(1, limit) + " rows only").param(drillPlanId).query(UUID.class).list();
    }

    public void recordEscrow(UUID id, String keyId, String method, String fingerprint, Instant at, String actor) {
        jdbc.sql("insert into recovery_key_escrow (id, key_id, method, fingerprint, exported_at, exported_by) "
                + "values (?, ?, ?, ?, ?, ?)").params(id, keyId, method, fingerprint, Sql.time(at), actor).update();
    }

    public boolean escrowed(String keyId) {
        return jdbc.sql("select count(*) from recovery_key_escrow where key_id = ?").param(keyId)
                .query(Long.class).single() > 0;
    }

    private static Map<String, Object> columns(DrillPlanDraft draft) {
        var columns = new HashMap<String, Object>();
        columns.put("name", draft.name());
        columns.put("backupPlan", draft.backupPlanId());
        columns.put("cron", draft.cron());
        columns.put("selection", draft.selection().name());
        columns.put("selectionWindow", Sql.duration(draft.selectionWindow()));
        columns.put("scratchKind", Codec.scratchKind(draft.scratch()));
        columns.put("scratchConfig", Codec.encode(draft.scratch()));
        columns.put("validations", Codec.encodeValidations(draft.validations()));
        columns.put("window", draft.window().toString());
        return columns;
    }

    private static DrillPlan mapPlan(ResultSet rows, int n) throws SQLException {
        var draft = new DrillPlanDraft(rows.getString("name"), Sql.uuid(rows, "backup_plan_id"),
                rows.getString("cron"), DrillPlanDraft.Selection.valueOf(rows.getString("selection")),
                Sql.duration(rows, "selection_window"),
                Codec.decodeScratch(rows.getString("scratch_kind"), rows.getString("scratch_config")),
                Codec.decodeValidations(rows.getString("validations")), Sql.duration(rows, "work_window"));
        return new DrillPlan(Sql.uuid(rows, "id"), draft, rows.getBoolean("enabled"), Sql.instant(rows, "created_at"),
                rows.getString("created_by"), Sql.instant(rows, "updated_at"), rows.getString("updated_by"),
                rows.getLong("version"));
    }

    private static DrillReport mapDrill(ResultSet rows, List<CheckResult> checks) throws SQLException {
        Duration rto = millis(rows, "rto_achieved_ms");
        Duration rtoObjective = Sql.duration(rows, "rto_objective");
        String verdictName = rows.getString("verdict");
        String firstFailed = rows.getString("first_failed_check");
        DrillVerdict verdict = switch (verdictName) {
            case "PASSED" -> new DrillVerdict.Passed(rto);
            case "PASSED_WITH_RTO_BREACH" -> new DrillVerdict.PassedWithRtoBreach(rto, rtoObjective);
            case "TIMED_OUT" -> new DrillVerdict.TimedOut(Sql.duration(rows, "work_window"));
            case "INTERRUPTED" -> new DrillVerdict.Interrupted(firstFailed == null ? "" : firstFailed);
            case "RUNNING" -> new DrillVerdict.Failed("the drill did not finish: Gantry stopped while it ran");
            default -> new DrillVerdict.Failed(firstFailed == null ? "" : firstFailed);
        };
        var objectives = new RecoveryObjectives(Sql.duration(rows, "rpo_objective"), rtoObjective, null,
                rows.getString("objectives_source"));
        Instant finished = Sql.instant(rows, "finished_at");
        return new DrillReport(Sql.uuid(rows, "id"), Sql.uuid(rows, "drill_plan_id"), Sql.uuid(rows, "backup_plan_id"),
                rows.getObject("point_id", UUID.class), DrillReport.Kind.valueOf(rows.getString("kind")),
                rows.getLong("seed"), rows.getString("scratch"), verdict, checks, Sql.instant(rows, "started_at"),
                finished == null ? Sql.instant(rows, "started_at") : finished, rto, millis(rows, "rpo_achieved_ms"),
                objectives, rows.getString("cleanup_problem"), rows.getString("actor"));
    }

    private static @Nullable Duration millis(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : Duration.ofMillis(value);
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
