package dev.gantry.ui.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.PointState;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.ServiceCompliance;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.testing.WithGantryUser;
import dev.gantry.ui.PortalTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recovery portal without a browser, on the whole application: plans edited with their field errors, a
 * backup and a drill started now and watched to the end, the evidence and charts they leave, a confirmed restore,
 * a key escrow, and what a viewer may not do.
 */
@WithGantryUser(username = "rhea", roles = Role.ADMIN)
class RecoveryViewsIntegrationTests extends PortalTestSupport {

    @Autowired BackupPlans plans;
    @Autowired BackupService backups;
    @Autowired DrillPlans drillPlans;
    @Autowired RecoveryRuns runs;
    @Autowired RecoveryDefaults defaults;
    @Autowired dev.gantry.recovery.KeyEscrow escrow;
    @Autowired SecretVault vault;
    @Autowired RestoreDrills drills;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdminCreatesAPlanForGantrysOwnDatabaseWithTheInstallationsDefaultLocations() {
        String name = "portal-db-" + suffix();
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("new-backup-plan").single()).click();
        test($(ComboBox.class).withId("plan-service").single()).selectItem("Gantry (gantry)");
        test($(TextField.class).withId("plan-name").single()).setValue(name);
        assertThat($(TextArea.class).withId("plan-locations").single().getValue())
                .isEqualTo(String.join("\n", defaults.locations()));
        test($(Button.class).withId("save-plan").single()).click();

        BackupPlan saved = plans.list().stream().filter(p -> p.draft().name().equals(name)).findFirst().orElseThrow();
        assertThat(saved.draft().source()).isEqualTo(new SourceSpec.GantryDatabase());
        assertThat(saved.draft().cron()).isEqualTo("0 0 2 * * ?");
        assertThat(getCurrentView()).isInstanceOf(BackupPlanView.class);
    }

    @Test
    void aScheduleTheSchedulerWouldMisreadIsMarkedOnTheCronFieldAndNothingIsSaved() {
        int before = plans.list().size();
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("new-backup-plan").single()).click();
        test($(ComboBox.class).withId("plan-service").single()).selectItem("Gantry (gantry)");
        test($(TextField.class).withId("plan-name").single()).setValue("bad-cron-" + suffix());
        TextField cron = $(TextField.class).withId("plan-cron").single();
        test(cron).setValue("0 0 * * * *");
        test($(Button.class).withId("save-plan").single()).click();

        assertThat(cron.isInvalid()).isTrue();
        assertThat(cron.getErrorMessage()).contains("?");
        assertThat(plans.list()).hasSize(before);
    }

    @Test
    void aLocationHoldingTheKeysIsMarkedOnTheLocationsField() {
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("new-backup-plan").single()).click();
        test($(ComboBox.class).withId("plan-service").single()).selectItem("Gantry (gantry)");
        test($(TextField.class).withId("plan-name").single()).setValue("keys-" + suffix());
        TextArea locations = $(TextArea.class).withId("plan-locations").single();
        test(locations).setValue(defaults.primaryLocation().getParent().getParent().toString());
        test($(Button.class).withId("save-plan").single()).click();

        assertThat(locations.isInvalid()).isTrue();
        assertThat(locations.getErrorMessage()).contains("backup keys");
    }

    @Test
    void aVaultPasswordTheEditorMayNotReadIsMarkedOnTheCredentialFieldAndNothingIsSaved() {
        int before = plans.list().size();
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("new-backup-plan").single()).click();
        test($(ComboBox.class).withId("plan-service").single()).selectItem("Gantry (gantry)");
        test($(TextField.class).withId("plan-name").single()).setValue("vault-pw-" + suffix());
        test($(Select.class).withId("plan-source-kind").single()).selectItem("PostgreSQL database");
        test($(TextField.class).withId("plan-host").single()).setValue("db.internal");
        test($(TextField.class).withId("plan-database").single()).setValue("billing");
        test($(TextField.class).withId("plan-user").single()).setValue("backup");
        TextField credential = $(TextField.class).withId("plan-credential").single();
        test(credential).setValue("vault:billing/db/prod/backup-password");
        test($(Button.class).withId("save-plan").single()).click();

        assertThat(credential.isInvalid()).isTrue();
        assertThat(credential.getErrorMessage()).contains("may not read billing/db/prod/backup-password");
        assertThat(plans.list()).hasSize(before);
    }

    @Test
    @WithGantryUser(username = "ui-rec-picker", roles = Role.ADMIN, teamRoles = "uirecpick:ENGINEER")
    void theEditorOffersTheVaultSecretsTheEditorMayReadAndSavesThePlanWithThePickedOne() {
        vault.write("uirecpick/db/prod/picked-password", SecretValue.of("pw".toCharArray()), null);
        String name = "vault-pick-" + suffix();
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("new-backup-plan").single()).click();
        test($(ComboBox.class).withId("plan-service").single()).selectItem("Gantry (gantry)");
        test($(TextField.class).withId("plan-name").single()).setValue(name);
        test($(Select.class).withId("plan-source-kind").single()).selectItem("PostgreSQL database");
        test($(TextField.class).withId("plan-host").single()).setValue("db.internal");
        test($(TextField.class).withId("plan-database").single()).setValue("billing");
        test($(TextField.class).withId("plan-user").single()).setValue("backup");
        test($(ComboBox.class).withId("plan-vault-secret").single()).selectItem("uirecpick/db/prod/picked-password");
        test($(Button.class).withId("save-plan").single()).click();

        BackupPlan saved = plans.list().stream().filter(p -> p.draft().name().equals(name)).findFirst().orElseThrow();
        assertThat(((SourceSpec.PostgresDatabase) saved.draft().source()).credential())
                .isEqualTo("vault:uirecpick/db/prod/picked-password");
    }

    @Test
    void aBackupRunNowShowsItsProgressAndThenItsPointInTheCatalog() throws Exception {
        BackupPlan plan = plans.create(commandPlan("portal-run-" + suffix(), "echo portal"));
        navigate("recovery/plans/" + plan.id(), BackupPlanView.class);

        test($(Button.class).withId("run-backup").single()).click();
        Div progress = $(Div.class).withId("backup-progress").single();
        assertThat(progress.isVisible()).isTrue();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(Poller.INTERVAL_MILLIS);
        awaitRunsOf(plan.id());
        poll();

        Grid<BackupPoint> points = $(Grid.class).withId("points").single();
        assertThat(test(points).size()).isEqualTo(1);
        BackupPoint point = test(points).getRow(0);
        assertThat(point.state()).isEqualTo(PointState.SUCCEEDED);
        assertThat(test(points).getCellText(0, 4)).isEqualTo("read back ✓");
        assertThat(progress.getElement().getText() + text(progress)).contains("SUCCEEDED");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void aDrillRunNowShowsItsVerdictItsChecksAndTheObjectivesOnCharts() throws Exception {
        BackupPlan plan = plans.create(commandPlan("portal-drill-" + suffix(), "echo drilled"));
        backups.runPlan(plan.id());
        DrillPlan drill = drillPlans.create(drillPlan(plan, List.of(new Validation.MatchesExpectation())));
        navigate("recovery/drills/" + drill.id(), DrillPlanView.class);
        assertThat(chart("rto-chart")).contains("No drill yet");

        test($(Button.class).withId("run-drill").single()).click();
        awaitRunsOf(drill.id());
        poll();

        Grid<DrillReport> history = $(Grid.class).withId("drill-history").single();
        assertThat(test(history).size()).isEqualTo(1);
        assertThat(test(history).getRow(0).verdict().name()).isEqualTo("PASSED");
        assertThat(test(history).getCellText(0, 6)).startsWith("restored and checked in");
        String rto = chart("rto-chart");
        assertThat(rto).contains("objective 4 h").contains("<circle").contains("latest:").doesNotContain("No drill yet");
        assertThat(chart("rpo-chart")).contains("objective 24 h").contains("<circle");
    }

    @Test
    void aDrillLeftRunningByANodeThatStoppedShowsAsInterruptedWithWhyOnceTheSweepClosesIt() throws Exception {
        BackupPlan plan = plans.create(commandPlan("interrupted-" + suffix(), "echo i"));
        DrillPlan drill = drillPlans.create(drillPlan(plan, List.of(new Validation.MatchesExpectation())));
        UUID orphan = UUID.randomUUID();
        Path leftover = Files.createDirectories(defaults.scratchDirectory()
                .resolve("drill-" + orphan.toString().replace("-", "").substring(0, 16)));
        Files.writeString(leftover.resolve("stream"), "restored before the node stopped");
        jdbc.sql("""
                insert into recovery_drill (id, drill_plan_id, backup_plan_id, kind, seed, work_window, scratch,
                    started_at, verdict, objectives_source, actor)
                values (?, ?, ?, 'STANDARD', 1, 'PT5M', ?, ?, 'RUNNING', 'test', 'system:drill-schedule')""")
                .params(orphan, drill.id(), plan.id(), "new directory " + leftover.toAbsolutePath(),
                        java.time.OffsetDateTime.now().minusHours(1)).update();

        assertThat(drills.sweepInterrupted()).extracting(DrillReport::drillId).contains(orphan);
        navigate("recovery/drills/" + drill.id(), DrillPlanView.class);

        Grid<DrillReport> history = $(Grid.class).withId("drill-history").single();
        assertThat(test(history).size()).isEqualTo(1);
        assertThat(((Span) test(history).getCellComponent(0, 1)).getText()).isEqualTo("INTERRUPTED");
        assertThat(test(history).getCellText(0, 6)).startsWith("interrupted: the node running it stopped");
        assertThat(leftover).doesNotExist();
    }

    @Test
    void theComplianceTableSaysWhenTheLastDrillPassedAndHowOftenThePolicyAsks() {
        String service = "svc-compliance-" + suffix();
        BackupPlan plan = plans.create(new BackupPlanDraft(service, "Compliance " + service, "c-" + suffix(),
                new SourceSpec.Command(List.of("sh", "-c", "echo c")), "0 0 2 * * ?", locations(),
                KeepRules.everything(), null, null, Duration.ofHours(1)));
        backups.runPlan(plan.id());
        DrillPlan drill = drillPlans.create(drillPlan(plan, List.of(new Validation.MatchesExpectation())));
        runs.runScheduledDrill(drill.id());

        navigate("recovery", RecoveryView.class);

        Grid<ServiceCompliance> grid = $(Grid.class).withId("compliance").single();
        int row = rowOf(grid, service);
        Anchor summary = (Anchor) test(grid).getCellComponent(row, 2);
        assertThat(summary.getText()).isEqualTo("last passing drill 0 minutes ago; policy requires every 3 months");
        assertThat(summary.getHref()).as("the drill plan, where a drill is run")
                .isEqualTo("recovery/drills/" + drill.id());
        Anchor planLink = (Anchor) test(grid).getCellComponent(row, 0);
        assertThat(planLink.getText()).isEqualTo("Compliance " + service);
        assertThat(planLink.getHref()).isEqualTo("recovery/plans/" + plan.id());
        assertThat(test(grid).getRow(row).status()).isEqualTo(ServiceCompliance.Status.COMPLIANT);
    }

    @Test
    void aServiceWithoutADrillPlanLeadsFromItsComplianceRowToItsBackupPlan() {
        BackupPlan plan = plans.create(commandPlan("undrilled-" + suffix(), "echo u"));

        navigate("recovery", RecoveryView.class);

        Grid<ServiceCompliance> grid = $(Grid.class).withId("compliance").single();
        int row = rowOf(grid, plan.draft().serviceId());
        Anchor summary = (Anchor) test(grid).getCellComponent(row, 2);
        assertThat(summary.getText()).startsWith("no drill has passed yet");
        assertThat(summary.getHref()).isEqualTo("recovery/plans/" + plan.id());
        assertThat(test(grid).getRow(row).status()).isEqualTo(ServiceCompliance.Status.NEVER_PROVEN);
    }

    @Test
    void aRestoreStartsOnlyOnceTheServiceNameIsTypedAndShowsWhereTheDataIs() throws Exception {
        BackupPlan plan = plans.create(commandPlan("portal-restore-" + suffix(), "echo restored"));
        BackupPoint point = backups.runPlan(plan.id());
        Path parent = Files.createDirectories(defaults.scratchDirectory().resolve("portal-" + suffix()));
        navigate("recovery/plans/" + plan.id(), BackupPlanView.class);

        Grid<BackupPoint> points = $(Grid.class).withId("points").single();
        assertThat(test(points).getRow(0).id()).isEqualTo(point.id());
        test((Button) test(points).getCellComponent(0, 8)).click();
        Button restore = $(Button.class).withId("restore-start").single();
        test($(TextField.class).withId("restore-parent").single()).setValue(parent.toString());
        assertThat(restore.isEnabled()).isFalse();
        test($(TextField.class).withId("restore-confirmation").single()).setValue("someone else");
        assertThat(restore.isEnabled()).isFalse();
        test($(TextField.class).withId("restore-confirmation").single()).setValue(plan.draft().serviceName());
        assertThat(restore.isEnabled()).isTrue();
        test(restore).click();
        awaitRunsOf(point.id());
        poll();

        try (Stream<Path> restored = Files.list(parent)) {
            Path target = restored.findFirst().orElseThrow();
            assertThat(Files.readString(target.resolve("stream"))).isEqualTo("restored\n");
        }
    }

    @Test
    void anEscrowIsShownOnceAfterThePassphraseIsTypedTwice() {
        navigate("recovery", RecoveryView.class);
        test($(Button.class).withId("export-escrow").single()).click();
        test($(PasswordField.class).withId("escrow-passphrase").single()).setValue("portal escrow passphrase 1");
        test($(PasswordField.class).withId("escrow-repeat").single()).setValue("portal escrow passphrase 2");
        test($(Button.class).withId("escrow-export").single()).click();
        PasswordField passphrase = $(PasswordField.class).withId("escrow-passphrase").single();
        assertThat(passphrase.isInvalid()).isTrue();

        test($(PasswordField.class).withId("escrow-repeat").single()).setValue("portal escrow passphrase 1");
        test($(Button.class).withId("escrow-export").single()).click();

        String text = $(Div.class).withId("one-time-secret").single().getText();
        assertThat(text).startsWith("gantry-key-escrow 2\n");
        String keyId = text.lines().filter(line -> line.startsWith("key-id=")).findFirst().orElseThrow()
                .substring("key-id=".length());
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).anySatisfy(shown -> assertThat(shown)
                .contains("It covers backup key " + keyId + " only: backups written under earlier keys need their "
                        + "own escrow"));
    }

    @Test
    void anEscrowDrillFromThePortalProvesTheEscrowAndClearsWhatWasPasted() throws Exception {
        BackupPlan plan = plans.create(commandPlan("portal-escrow-" + suffix(), "echo escrow"));
        backups.runPlan(plan.id());
        DrillPlan drill = drillPlans.create(drillPlan(plan, List.of(new Validation.MatchesExpectation())));
        String passphrase = "portal escrow drill passphrase";
        String escrowText = escrow.export(passphrase.toCharArray()).text();
        navigate("recovery/drills/" + drill.id(), DrillPlanView.class);

        test($(Button.class).withId("escrow-drill").single()).click();
        TextArea text = $(TextArea.class).withId("escrow-drill-text").single();
        PasswordField secret = $(PasswordField.class).withId("escrow-drill-passphrase").single();
        test(text).setValue(escrowText);
        test(secret).setValue(passphrase);
        test($(Button.class).withId("escrow-drill-start").single()).click();
        awaitRunsOf(drill.id());
        poll();

        assertThat(text.getValue()).isEmpty();
        assertThat(secret.getValue()).isEmpty();
        Grid<DrillReport> history = $(Grid.class).withId("drill-history").single();
        assertThat(test(history).getRow(0).kind()).isEqualTo(DrillReport.Kind.ESCROW);
        assertThat(test(history).getRow(0).verdict().name()).isEqualTo("PASSED");
    }

    @Test
    @WithGantryUser(username = "vera", roles = Role.VIEWER)
    void aViewerSeesThePlansAndTheirBackupsButNothingThatChangesThem() {
        BackupPlan plan = dev.gantry.config.SystemAuthority.runAs("test", List.of(Role.ADMIN),
                () -> plans.create(commandPlan("viewer-" + suffix(), "echo v")));

        navigate("recovery/plans/" + plan.id(), BackupPlanView.class);

        assertThat($(Button.class).withId("run-backup").exists()).isFalse();
        assertThat($(Button.class).withId("edit-plan").exists()).isFalse();
        assertThat($(Grid.class).withId("points").exists()).isTrue();
        navigate("recovery", RecoveryView.class);
        assertThat($(Button.class).withId("new-backup-plan").exists()).isFalse();
        assertThat($(Div.class).withId("latest-breaches").exists()).isFalse();
    }

    private BackupPlanDraft commandPlan(String name, String script) {
        return new BackupPlanDraft("svc-" + name, "Service " + name, name,
                new SourceSpec.Command(List.of("sh", "-c", script)), "0 0 2 * * ?", locations(),
                KeepRules.everything(), null, null, Duration.ofHours(1));
    }

    private List<LocationSpec> locations() {
        return defaults.locations().stream().<LocationSpec>map(LocationSpec.Directory::new).toList();
    }

    private DrillPlanDraft drillPlan(BackupPlan plan, List<Validation> validations) {
        return new DrillPlanDraft(plan.draft().name() + "-drill", plan.id(), "0 0 3 1 * ?",
                DrillPlanDraft.Selection.LATEST, null,
                new ScratchSpec.NewDirectory(defaults.scratchDirectory().toString()), validations,
                Duration.ofMinutes(5));
    }

    private void awaitRunsOf(UUID subject) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (runs.latestOf(subject).map(RecoveryRuns.Run::active).orElse(true)) {
            assertThat(Instant.now()).as("the run of " + subject + " finishing").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private String chart(String id) {
        return $(Div.class).withId(id).single().getChildren().filter(Svg.class::isInstance)
                .map(svg -> svg.getElement().getProperty("innerHTML", "")).findFirst().orElse("");
    }

    private static String text(Div div) {
        return div.getElement().getTextRecursively();
    }

    private <T> int rowOf(Grid<T> grid, String serviceId) {
        for (int i = 0; i < test(grid).size(); i++) {
            if (test(grid).getRow(i) instanceof ServiceCompliance c && c.serviceId().equals(serviceId)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + serviceId);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
