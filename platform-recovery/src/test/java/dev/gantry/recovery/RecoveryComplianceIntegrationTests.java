package dev.gantry.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.SignedIn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Compliance per service, from stored backups and drills under a policy that asks for a drill every 30 days with
 * an RTO of one hour and an RPO of one day.
 */
@SpringBootTest(classes = RecoveryTestApplication.class)
@Import({AuditAndClockTestConfiguration.class, DrillPolicyTestConfiguration.class})
@WithMockUser(username = "ada", roles = "ADMIN")
abstract class RecoveryComplianceIntegrationTests {

    @Autowired
    BackupPlans plans;
    @Autowired
    BackupService backups;
    @Autowired
    DrillPlans drillPlans;
    @Autowired
    RestoreDrills drills;
    @Autowired
    RecoveryCompliance compliance;
    @Autowired
    MutableClock clock;

    @TempDir
    Path dir;

    @Test
    void aServiceWhoseDrillPassedWithinThePolicysFrequencyIsCompliantAndSaysWhen() {
        BackupPlan plan = backedUpPlan();
        DrillReport passed = drills.runDrill(drillPlans.create(drill(plan, new Validation.MatchesExpectation())).id());
        clock.advance(Duration.ofDays(12));

        ServiceCompliance service = compliance.service(plan.draft().serviceId());

        assertThat(service.status()).isEqualTo(ServiceCompliance.Status.COMPLIANT);
        assertThat(service.findings()).isEmpty();
        assertThat(service.drillSummary(clock.instant()))
                .isEqualTo("last passing drill 12 days ago; policy requires every 30 days");
        assertThat(service.nextDrillDueBy()).isEqualTo(passed.finishedAt().plus(Duration.ofDays(30)));
        assertThat(service.rtoAchieved()).isEqualTo(passed.rtoAchieved());
        assertThat(service.rtoObjective()).isEqualTo(Duration.ofHours(1));
        assertThat(service.objectivesSource()).isEqualTo(DrillPolicyTestConfiguration.SOURCE);
    }

    @Test
    void aPassingDrillOlderThanThePolicyAllowsLeavesTheServiceNotCompliant() {
        BackupPlan plan = backedUpPlan();
        drills.runDrill(drillPlans.create(drill(plan, new Validation.MatchesExpectation())).id());
        clock.advance(Duration.ofDays(31));

        ServiceCompliance service = compliance.service(plan.draft().serviceId());

        assertThat(service.status()).isEqualTo(ServiceCompliance.Status.NOT_COMPLIANT);
        assertThat(service.findings()).contains("last passing drill 31 days ago; policy requires every 30 days");
    }

    @Test
    void aFailedLatestDrillIsAFindingEvenAfterAnEarlierOnePassed() {
        BackupPlan plan = backedUpPlan();
        drills.runDrill(drillPlans.create(drill(plan, new Validation.MatchesExpectation())).id());
        clock.advance(Duration.ofMinutes(5));
        drills.runDrill(drillPlans.create(drill(plan, new Validation.CommandCheck("always fails",
                List.of("false")))).id());

        ServiceCompliance service = compliance.service(plan.draft().serviceId());

        assertThat(service.status()).isEqualTo(ServiceCompliance.Status.NOT_COMPLIANT);
        assertThat(service.lastDrillVerdict()).isEqualTo("FAILED");
        assertThat(service.lastPassingDrillAt()).isBefore(service.lastDrillAt());
        assertThat(service.findings()).anySatisfy(f -> assertThat(f).startsWith("the last drill FAILED: always fails"));
    }

    @Test
    void aServiceWhoseBackupsWereNeverDrilledIsNeverProven() {
        BackupPlan plan = backedUpPlan();

        ServiceCompliance service = compliance.services().stream()
                .filter(s -> s.serviceId().equals(plan.draft().serviceId())).findFirst().orElseThrow();

        assertThat(service.status()).isEqualTo(ServiceCompliance.Status.NEVER_PROVEN);
        assertThat(service.lastBackupAt()).isNotNull();
        assertThat(service.findings()).containsExactly("no drill plan restores its backups",
                "no drill has proved a backup restorable yet");
        assertThat(service.drillSummary(clock.instant()))
                .isEqualTo("no drill has passed yet; policy requires every 30 days");
    }

    @Test
    void complianceIsReadWithTheRolesThatReadRecovery() {
        BackupPlan plan = backedUpPlan();

        assertThat(SignedIn.as("vic", "VIEWER", () -> compliance.service(plan.draft().serviceId())).serviceName())
                .isEqualTo(plan.draft().serviceName());
        assertThatThrownBy(() -> SignedIn.as("rel", "RELEASE_MANAGER", () -> compliance.services()))
                .isInstanceOf(AccessDeniedException.class);
    }

    private BackupPlan backedUpPlan() {
        String name = "comp-" + UUID.randomUUID().toString().substring(0, 8);
        BackupPlan plan = plans.create(RecoveryFixtures.plan(name, RecoveryFixtures.command("echo " + name),
                dir.resolve("a")));
        backups.runPlan(plan.id());
        return plan;
    }

    private DrillPlanDraft drill(BackupPlan plan, Validation validation) {
        return new DrillPlanDraft(plan.draft().name() + "-" + UUID.randomUUID().toString().substring(0, 4),
                plan.id(), RestoreDrillIntegrationTests.WEEKLY, DrillPlanDraft.Selection.LATEST, null,
                new ScratchSpec.NewDirectory(dir.resolve("scratch").toString()), List.of(validation),
                Duration.ofMinutes(5));
    }
}
