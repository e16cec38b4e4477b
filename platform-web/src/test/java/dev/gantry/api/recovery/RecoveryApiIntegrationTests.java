package dev.gantry.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.gantry.config.RecoveryBreaches;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.scheduling.RecoverySchedules;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * The recovery API end to end on Gantry's own H2 database: plans with the installation's defaults, a backup and a
 * drill started now and watched until done, the evidence they leave, refusals that name the field, escrow, and
 * restores on demand.
 */
class RecoveryApiIntegrationTests extends RecoveryApiTestSupport {

    @Autowired RecoverySchedules schedules;
    @Autowired RecoveryDefaults defaults;
    @Autowired RecoveryBreaches breaches;
    @Value("${gantry.recovery.key-dir}") Path keys;

    @Test
    void aBackupOfGantrysOwnDatabaseStartedNowRunsInTheBackgroundAndADrillProvesItRestorable() throws Exception {
        String name = "gantry-db-" + suffix();
        Reply created = asAdmin("POST", "/api/v1/recovery/plans", """
                {"serviceId":"gantry","serviceName":"Gantry","name":"%s","source":{"kind":"GANTRY_DATABASE"},
                 "cron":"0 0 2 * * ?"}""".formatted(name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String planId = created.body().path("id").asString();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/v1/recovery/plans/" + planId);
        assertThat(created.body().path("locations").values()).extracting(JsonNode::asString)
                .containsExactly(defaults.primaryLocation().toString(), defaults.secondaryLocation().toString());
        assertThat(created.body().path("objectives").path("rpo").asString()).isEqualTo("PT24H");
        assertThat(created.body().path("objectives").path("source").asString()).contains("rule");
        CronTrigger trigger = schedules.trigger(RecoverySchedules.BACKUP_GROUP, UUID.fromString(planId)).orElseThrow();
        assertThat(trigger.getCronExpression()).isEqualTo("0 0 2 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");

        Reply started = asAdmin("POST", "/api/v1/recovery/plans/" + planId + "/backups", null);
        assertThat(started.status()).isEqualTo(202);
        String runLocation = started.raw().headers().firstValue("Location").orElseThrow();
        JsonNode run = awaitRun(runLocation);
        assertThat(run.path("state").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("requestedBy").asString()).isEqualTo("recovery-admin");
        JsonNode point = asAdmin("GET", run.path("result").asString(), null).body();
        assertThat(point.path("state").asString()).isEqualTo("SUCCEEDED");
        assertThat(point.path("verified").asBoolean()).isTrue();
        assertThat(point.path("locationsSucceeded").asInt()).isEqualTo(2);
        try (Stream<Path> files = Files.list(defaults.primaryLocation())) {
            assertThat(files.map(p -> p.getFileName().toString())).contains(point.path("archiveName").asString());
        }
        JsonNode points = asAdmin("GET", "/api/v1/recovery/plans/" + planId + "/points", null).body();
        assertThat(points.path("total").asInt()).isEqualTo(1);

        Reply drillPlan = asAdmin("POST", "/api/v1/recovery/drill-plans", """
                {"name":"%s-drill","backupPlanId":"%s","cron":"0 0 3 1 * ?"}""".formatted(name, planId));
        assertThat(drillPlan.status()).as(drillPlan.body().toString()).isEqualTo(201);
        assertThat(drillPlan.body().path("scratch").path("kind").asString()).isEqualTo("H2_FILE");
        assertThat(drillPlan.body().path("scheduled").asBoolean()).isTrue();
        Reply drillStarted = asAdmin("POST", "/api/v1/recovery/drill-plans/" + drillPlan.body().path("id").asString()
                + "/drills", null);
        assertThat(drillStarted.status()).isEqualTo(202);
        JsonNode drillRun = awaitRun(drillStarted.raw().headers().firstValue("Location").orElseThrow());
        JsonNode report = asAdmin("GET", drillRun.path("result").asString(), null).body();
        assertThat(report.path("verdict").asString()).as(report.toString()).isEqualTo("PASSED");
        assertThat(report.path("checks").values()).isNotEmpty()
                .allSatisfy(check -> assertThat(check.path("passed").asBoolean()).isTrue());
        assertThat(report.path("rtoAchieved").asString()).startsWith("PT");
        assertThat(report.path("rpoAchieved").asString()).startsWith("PT");
        assertThat(report.path("rpoObjective").asString()).isEqualTo("PT24H");

        JsonNode compliance = asAdmin("GET", "/api/v1/recovery/compliance/gantry", null).body();
        assertThat(compliance.path("status").asString()).as(compliance.toString()).isEqualTo("COMPLIANT");
        assertThat(compliance.path("summary").asString())
                .isEqualTo("last passing drill 0 minutes ago; policy requires every 3 months");
    }

    @Test
    void aPlanIsRefusedWithTheFieldNamedAndNothingIsStored() throws Exception {
        int before = asAdmin("GET", "/api/v1/recovery/plans", null).body().size();
        String base = """
                {"serviceId":"gantry","serviceName":"Gantry","name":"%s","source":{"kind":"GANTRY_DATABASE"},
                 "cron":"%s"%s}""";

        Reply bothDays = asAdmin("POST", "/api/v1/recovery/plans", base.formatted("ok-" + suffix(), "0 0 * * * *", ""));
        Reply numberedDay = asAdmin("POST", "/api/v1/recovery/plans",
                base.formatted("ok-" + suffix(), "0 0 2 ? * 1", ""));
        Reply badName = asAdmin("POST", "/api/v1/recovery/plans", base.formatted("Not A Name", "0 0 2 * * ?", ""));
        Reply keysInside = asAdmin("POST", "/api/v1/recovery/plans", base.formatted("ok-" + suffix(), "0 0 2 * * ?",
                ",\"locations\":[\"" + keys.getParent() + "\"]"));
        Reply badDuration = asAdmin("POST", "/api/v1/recovery/plans", base.formatted("ok-" + suffix(),
                "0 0 2 * * ?", ",\"rpo\":\"a day\""));
        Reply badKind = asAdmin("POST", "/api/v1/recovery/plans", """
                {"serviceId":"gantry","serviceName":"Gantry","name":"x","source":{"kind":"TAPE"},"cron":"0 0 2 * * ?"}""");
        Reply unknownService = asAdmin("POST", "/api/v1/recovery/plans", """
                {"serviceId":"nowhere","name":"x","source":{"kind":"GANTRY_DATABASE"},"cron":"0 0 2 * * ?"}""");

        assertThat(bothDays.status()).isEqualTo(400);
        assertThat(bothDays.field()).isEqualTo("cron");
        assertThat(bothDays.body().path("detail").asString()).contains("?");
        assertThat(numberedDay.field()).isEqualTo("cron");
        assertThat(numberedDay.body().path("detail").asString()).contains("MON");
        assertThat(badName.field()).isEqualTo("name");
        assertThat(keysInside.field()).isEqualTo("locations");
        assertThat(keysInside.body().path("detail").asString()).contains("backup keys");
        assertThat(badDuration.field()).isEqualTo("rpo");
        assertThat(badKind.field()).isEqualTo("source.kind");
        assertThat(unknownService.field()).isEqualTo("serviceName");
        assertThat(asAdmin("GET", "/api/v1/recovery/plans", null).body().size()).isEqualTo(before);
    }

    @Test
    void aPlanNamingAVaultSecretTheCallerMayNotReadIsRefusedOnTheCredentialField() throws Exception {
        int before = asAdmin("GET", "/api/v1/recovery/plans", null).body().size();
        String plan = """
                {"serviceId":"gantry","serviceName":"Gantry","name":"%s","cron":"0 0 2 * * ?",
                 "source":{"kind":"POSTGRES","host":"db.internal","port":5432,"database":"billing","user":"backup",
                 "credential":"%s"}}""";

        Reply unreadable = asAdmin("POST", "/api/v1/recovery/plans",
                plan.formatted("pg-" + suffix(), "vault:billing/db/prod/backup-password"));
        Reply reserved = asAdmin("POST", "/api/v1/recovery/plans",
                plan.formatted("pg-" + suffix(), "vault:gantry/recovery/current/backup-key"));

        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.field()).isEqualTo("source.credential");
        assertThat(unreadable.body().path("detail").asString()).contains("may not read billing/db/prod/backup-password");
        assertThat(reserved.field()).isEqualTo("source.credential");
        assertThat(asAdmin("GET", "/api/v1/recovery/plans", null).body().size()).isEqualTo(before);
    }

    @Test
    void aDrillScheduleLessFrequentThanThePolicyIsRefusedNamingTheRule() throws Exception {
        String planId = commandPlan("rare-" + suffix(), "echo rare");

        Reply yearly = asAdmin("POST", "/api/v1/recovery/drill-plans", """
                {"name":"yearly-%s","backupPlanId":"%s","cron":"0 0 3 1 1 ?"}""".formatted(suffix(), planId));
        Reply noPlan = asAdmin("POST", "/api/v1/recovery/drill-plans", """
                {"name":"orphan","backupPlanId":"not-an-id","cron":"0 0 3 1 * ?"}""");

        assertThat(yearly.status()).isEqualTo(400);
        assertThat(yearly.field()).isEqualTo("cron");
        assertThat(yearly.body().path("detail").asString()).contains("P3M").contains("rule");
        assertThat(noPlan.field()).isEqualTo("backupPlanId");
    }

    @Test
    void disablingAPlanRemovesItsTriggerAndAStaleVersionIsAConflict() throws Exception {
        String name = "toggle-" + suffix();
        String planId = commandPlan(name, "echo toggle");
        String update = """
                {"serviceId":"svc-%s","serviceName":"Toggled","name":"%s",
                 "source":{"kind":"COMMAND","argv":["sh","-c","echo toggle"]},
                 "cron":"0 30 1 * * ?","enabled":false,"version":%d}""";

        Reply disabled = asAdmin("PUT", "/api/v1/recovery/plans/" + planId, update.formatted(name, name, 1));
        Reply stale = asAdmin("PUT", "/api/v1/recovery/plans/" + planId, update.formatted(name, name, 1));
        Reply runDisabled = asAdmin("POST", "/api/v1/recovery/plans/" + planId + "/backups", null);

        assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
        assertThat(disabled.body().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.body().path("scheduled").asBoolean()).isFalse();
        assertThat(schedules.trigger(RecoverySchedules.BACKUP_GROUP, UUID.fromString(planId))).isEmpty();
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.field()).isEqualTo("version");
        assertThat(runDisabled.status()).isEqualTo(409);
        assertThat(runDisabled.body().path("detail").asString()).contains("disabled");
    }

    @Test
    void theEscrowTextIsReturnedOnceAndNeverCached() throws Exception {
        Reply exported = asAdmin("POST", "/api/v1/recovery/escrow", """
                {"passphrase":"a long passphrase kept apart from the text"}""");
        Reply tooShort = asAdmin("POST", "/api/v1/recovery/escrow", "{\"passphrase\":\"short\"}");

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(exported.body().path("text").asString()).isNotBlank();
        assertThat(exported.body().path("fingerprint").asString()).hasSize(64);
        assertThat(exported.body().path("text").asString()).startsWith("gantry-key-escrow 2\nkey-id="
                + exported.body().path("keyId").asString() + "\nsigning-key=").contains("\nsigning-key-sha256="
                + exported.body().path("signingKeyFingerprint").asString() + "\n");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.field()).isEqualTo("passphrase");
    }

    @Test
    void aRestoreOnDemandGoesIntoANewDirectoryAndIsCheckedAgainstTheBackup() throws Exception {
        String planId = commandPlan("restore-" + suffix(), "echo restore me");
        JsonNode backup = awaitRun(asAdmin("POST", "/api/v1/recovery/plans/" + planId + "/backups", null)
                .raw().headers().firstValue("Location").orElseThrow());
        String pointId = backup.path("resultId").asString();
        Path parent = Files.createDirectories(defaults.scratchDirectory().resolve("on-demand-" + suffix()));

        Reply wrongKind = asAdmin("POST", "/api/v1/recovery/points/" + pointId + "/restores",
                "{\"target\":{\"kind\":\"H2_FILE\",\"parent\":\"" + parent + "\"}}");
        Reply started = asAdmin("POST", "/api/v1/recovery/points/" + pointId + "/restores",
                "{\"target\":{\"kind\":\"DIRECTORY\",\"parent\":\"" + parent + "\"}}");
        JsonNode restore = awaitRun(started.raw().headers().firstValue("Location").orElseThrow());

        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.field()).isEqualTo("target");
        assertThat(started.status()).isEqualTo(202);
        assertThat(restore.path("state").asString()).as(restore.toString()).isEqualTo("SUCCEEDED");
        assertThat(restore.path("bytesDone").asLong()).isEqualTo("restore me\n".length());
        try (Stream<Path> restored = Files.list(parent)) {
            Path target = restored.findFirst().orElseThrow();
            assertThat(target.getFileName().toString()).startsWith("drill-");
            assertThat(Files.readString(target.resolve("stream"))).isEqualTo("restore me\n");
        }
    }

    @Test
    void aFailingDrillIsLoggedAsABreachAndShowsInTheLatestBreaches() throws Exception {
        String name = "failing-" + suffix();
        String planId = commandPlan(name, "echo data");
        awaitRun(asAdmin("POST", "/api/v1/recovery/plans/" + planId + "/backups", null)
                .raw().headers().firstValue("Location").orElseThrow());
        Reply drillPlan = asAdmin("POST", "/api/v1/recovery/drill-plans", """
                {"name":"%s-drill","backupPlanId":"%s","cron":"0 0 3 1 * ?",
                 "validations":[{"kind":"EXPECTATION"},{"kind":"COMMAND","name":"always fails","argv":["false"]}]}"""
                .formatted(name, planId));
        String drillPlanId = drillPlan.body().path("id").asString();

        JsonNode run = awaitRun(asAdmin("POST", "/api/v1/recovery/drill-plans/" + drillPlanId + "/drills",
                "{\"seed\":42}").raw().headers().firstValue("Location").orElseThrow());
        JsonNode report = asAdmin("GET", run.path("result").asString(), null).body();

        assertThat(run.path("state").asString()).isEqualTo("FAILED");
        assertThat(report.path("verdict").asString()).isEqualTo("FAILED");
        assertThat(report.path("seed").asLong()).isEqualTo(42);
        assertThat(report.path("failure").asString()).startsWith("always fails");
        eventually("the DrillFailed breach reaching the portal", () -> breaches.latest(50).stream()
                .anyMatch(b -> b.kind() == RecoveryBreaches.Kind.DRILL_FAILED
                        && drillPlanId.equals(String.valueOf(b.drillPlanId()))));
        JsonNode reports = asAdmin("GET", "/api/v1/recovery/drill-plans/" + drillPlanId + "/reports", null).body();
        assertThat(reports.path("items").get(0).path("checks").values()).extracting(c -> c.path("passed").asBoolean())
                .containsExactly(true, true, false);
    }

    @Test
    void anEscrowDrillProvesTheExportedKeyAloneOpensTheNewestBackupAndAWrongPassphraseFailsIt() throws Exception {
        String name = "escrowed-" + suffix();
        String planId = commandPlan(name, "echo escrowed");
        awaitRun(asAdmin("POST", "/api/v1/recovery/plans/" + planId + "/backups", null)
                .raw().headers().firstValue("Location").orElseThrow());
        String drillPlanId = asAdmin("POST", "/api/v1/recovery/drill-plans", """
                {"name":"%s-drill","backupPlanId":"%s","cron":"0 0 3 1 * ?"}""".formatted(name, planId))
                .body().path("id").asString();
        String passphrase = "escrow passphrase for the drill";
        String escrow = asAdmin("POST", "/api/v1/recovery/escrow", "{\"passphrase\":\"" + passphrase + "\"}")
                .body().path("text").asString();
        String right = json.writeValueAsString(Map.of("escrow", escrow, "passphrase", passphrase));
        String wrong = json.writeValueAsString(Map.of("escrow", escrow, "passphrase", "not the passphrase"));

        JsonNode passed = escrowDrill(drillPlanId, right);
        JsonNode failed = escrowDrill(drillPlanId, wrong);

        assertThat(passed.path("kind").asString()).isEqualTo("ESCROW");
        assertThat(passed.path("verdict").asString()).as(passed.toString()).isEqualTo("PASSED");
        assertThat(passed.path("checks").values()).extracting(c -> c.path("name").asString())
                .contains("escrow on record", "escrowed key unwraps");
        assertThat(failed.path("verdict").asString()).isEqualTo("FAILED");
        assertThat(failed.path("failure").asString()).startsWith("escrowed key unwraps");
        assertThat(failed.toString()).doesNotContain("not the passphrase");
    }

    private JsonNode escrowDrill(String drillPlanId, String body) throws Exception {
        Reply started = asAdmin("POST", "/api/v1/recovery/drill-plans/" + drillPlanId + "/escrow-drills", body);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        JsonNode run = awaitRun(started.raw().headers().firstValue("Location").orElseThrow());
        return asAdmin("GET", run.path("result").asString(), null).body();
    }

    private String commandPlan(String name, String script) throws Exception {
        Reply created = asAdmin("POST", "/api/v1/recovery/plans", """
                {"serviceId":"svc-%s","serviceName":"Service %s","name":"%s",
                 "source":{"kind":"COMMAND","argv":["sh","-c","%s"]},"cron":"0 0 2 * * ?"}"""
                .formatted(name, name, name, script));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().path("id").asString();
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
