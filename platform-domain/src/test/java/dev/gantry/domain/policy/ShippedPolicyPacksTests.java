package dev.gantry.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gantry.domain.Environment;
import dev.gantry.domain.Role;
import dev.gantry.domain.Severity;
import dev.gantry.domain.policy.params.AlertThreshold;
import dev.gantry.domain.policy.params.AutomaticApproval;
import dev.gantry.domain.policy.params.BackupSchedule;
import dev.gantry.domain.policy.params.Branching;
import dev.gantry.domain.policy.params.ContinuousDeployment;
import dev.gantry.domain.policy.params.CoverageGate;
import dev.gantry.domain.policy.params.DeploymentStrategy;
import dev.gantry.domain.policy.params.DeploymentTrigger;
import dev.gantry.domain.policy.params.DoraMetrics;
import dev.gantry.domain.policy.params.Escalation;
import dev.gantry.domain.policy.params.ImageScanGate;
import dev.gantry.domain.policy.params.InfrastructureChangeApprovals;
import dev.gantry.domain.policy.params.MetricsEndpoint;
import dev.gantry.domain.policy.params.MfaRequired;
import dev.gantry.domain.policy.params.Patching;
import dev.gantry.domain.policy.params.ProductionApprovals;
import dev.gantry.domain.policy.params.RequiredTests;
import dev.gantry.domain.policy.params.RestoreDrill;
import dev.gantry.domain.policy.params.Rollback;
import dev.gantry.domain.policy.params.RunbookRequired;
import dev.gantry.domain.policy.params.SecretRotation;
import dev.gantry.domain.policy.params.SecurityScanGate;
import dev.gantry.domain.policy.params.SeverityLevels;
import dev.gantry.domain.policy.params.StageDurationBudget;
import dev.gantry.domain.policy.params.StructuredLogs;
import dev.gantry.domain.policy.params.TemporaryAccess;
import dev.gantry.domain.policy.params.Versioning;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

class ShippedPolicyPacksTests {

    static List<Path> files() {
        return ShippedPacks.files();
    }

    @Test
    void oneFileShipsPerSourceOrganisation() {
        assertThat(ShippedPacks.files()).extracting(file -> file.getFileName().toString())
                .containsExactlyInAnyOrder("acme.yaml", "straloo.yaml", "octoacme.yaml", "covenant.yaml",
                        "audotics.yaml");
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyShippedPackLoadsWithoutProblemsAndIsNamedAfterItsFile(Path file) {
        PolicyPack pack = new PolicyPackLoader().load(file);

        assertThat(pack.source()).isEqualTo(file.getFileName().toString());
        assertThat(pack.id() + ".yaml").isEqualTo(pack.source());
        assertThat(pack.version()).isEqualTo("1.0.0");
        assertThat(pack.rules()).isNotEmpty();
    }

    @ParameterizedTest
    @FieldSource("dev.gantry.domain.policy.ShippedPacks#NAMES")
    void shippedPacksAreOnTheClasspathUnderPolicies(String name) throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("policies/" + name + ".yaml")) {
            assertThat(in).as("classpath:policies/%s.yaml", name).isNotNull();
            PolicyPack pack = new PolicyPackLoader()
                    .load(name + ".yaml", new InputStreamReader(in, StandardCharsets.UTF_8));
            assertThat(pack).isEqualTo(ShippedPacks.load(name));
        }
    }

    @Test
    void everyRuleKindIsUsedByAtLeastOneShippedPack() {
        Set<RuleKind> used = ShippedPacks.all().stream()
                .flatMap(pack -> pack.rules().stream())
                .map(PolicyRule::kind)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleKind.class)));

        assertThat(EnumSet.complementOf(EnumSet.copyOf(used))).as("kinds no pack uses").isEmpty();
    }

    @Test
    void acmeGatesProductionOnALabelledApprovalAndAPassingSecurityScan() {
        PolicyPack acme = ShippedPacks.load("acme");

        assertThat(acme.first(ProductionApprovals.class)).contains(
                new ProductionApprovals(1, Role.RELEASE_MANAGER, true, Optional.of("#deploy-production")));
        assertThat(acme.first(SecurityScanGate.class).orElseThrow().environments())
                .containsExactly(Environment.PRODUCTION);
        assertThat(acme.first(CoverageGate.class).orElseThrow().min()).isEqualTo(80.0);
        assertThat(acme.first(ContinuousDeployment.class))
                .contains(new ContinuousDeployment("main", Environment.STAGING));
        assertThat(acme.first(InfrastructureChangeApprovals.class)).contains(new InfrastructureChangeApprovals(2));
        assertThat(acme.first(MetricsEndpoint.class)).contains(new MetricsEndpoint("/metrics"));
        assertThat(acme.first(TemporaryAccess.class)).isPresent();
        assertThat(acme.first(ImageScanGate.class)).isPresent();
        assertThat(acme.rules(RuleKind.STATIC_ANALYSIS)).hasSize(1);
        assertThat(acme.rules(RuleKind.VAULT)).hasSize(1);
    }

    @Test
    void stralooApprovesAutomaticallyAfterAGreenPipelineAndDeploysMainToProduction() {
        PolicyPack straloo = ShippedPacks.load("straloo");

        assertThat(straloo.first(AutomaticApproval.class).orElseThrow().requires())
                .contains(AutomaticApproval.Condition.GREEN_PIPELINE);
        assertThat(straloo.first(DeploymentStrategy.class).orElseThrow().production())
                .isEqualTo(DeploymentStrategy.Rollout.BLUE_GREEN);
        assertThat(straloo.rule("blue-green").orElseThrow().description()).containsIgnoringCase("canary");
        assertThat(straloo.first(Rollback.class).orElseThrow().automatic()).isTrue();
        assertThat(straloo.first(ContinuousDeployment.class))
                .contains(new ContinuousDeployment("main", Environment.PRODUCTION));
        assertThat(straloo.rules(RuleKind.ZERO_DOWNTIME)).hasSize(1);
        assertThat(straloo.rules(RuleKind.AUDIT_TRAIL)).hasSize(1);
        assertThat(straloo.rules(RuleKind.PRODUCTION_APPROVALS)).as("no manual approvals at Straloo").isEmpty();
        assertThat(straloo.first(RequiredTests.class).orElseThrow().kinds()).containsExactly(
                RequiredTests.TestKind.UNIT, RequiredTests.TestKind.INTEGRATION, RequiredTests.TestKind.SECURITY);
    }

    @Test
    void octoacmeCarriesTheWholeChecklist() {
        PolicyPack octoacme = ShippedPacks.load("octoacme");

        assertThat(octoacme.first(SeverityLevels.class).orElseThrow().levels())
                .containsOnlyKeys(Severity.P0, Severity.P1, Severity.P2, Severity.P3)
                .containsEntry(Severity.P0, "complete outage or a major security breach");
        RestoreDrill drill = octoacme.first(RestoreDrill.class).orElseThrow();
        assertThat(drill.every()).isEqualTo(Period.ofMonths(3));
        assertThat(drill.rto()).isEqualTo(Duration.ofHours(4));
        assertThat(drill.rpo()).isEqualTo(Duration.ofHours(24));
        BackupSchedule backup = octoacme.first(BackupSchedule.class).orElseThrow();
        assertThat(backup.separateLocation()).isTrue();
        assertThat(octoacme.first(SecretRotation.class)).contains(new SecretRotation(Period.ofDays(90)));
        assertThat(octoacme.first(MfaRequired.class).orElseThrow().requiredFor()).contains(Role.RELEASE_MANAGER);
        assertThat(octoacme.rules(RuleKind.ACCESS_REVIEW)).hasSize(1);
        assertThat(octoacme.rules(RuleKind.LEAST_PRIVILEGE)).hasSize(1);
        assertThat(octoacme.first(DoraMetrics.class)).isPresent();
        assertThat(octoacme.first(RunbookRequired.class)).isPresent();
        assertThat(octoacme.first(Escalation.class)).isPresent();
        assertThat(octoacme.first(StageDurationBudget.class)).contains(new StageDurationBudget(Duration.ofMinutes(10)));
        assertThat(octoacme.first(StructuredLogs.class)).contains(new StructuredLogs(StructuredLogs.Format.JSON));
        assertThat(octoacme.all(RequiredTests.class)).hasSize(2);
    }

    @Test
    void covenantKeepsAFortyEightHourStandbyAndFixedAlertThresholds() {
        PolicyPack covenant = ShippedPacks.load("covenant");

        DeploymentStrategy strategy = covenant.first(DeploymentStrategy.class).orElseThrow();
        assertThat(strategy.production()).isEqualTo(DeploymentStrategy.Rollout.BLUE_GREEN);
        assertThat(strategy.standbyRetention()).contains(Duration.ofHours(48));
        assertThat(covenant.first(Patching.class)).contains(new Patching(Period.ofMonths(1), 9.0));
        assertThat(covenant.all(AlertThreshold.class))
                .extracting(AlertThreshold::metric, AlertThreshold::above, AlertThreshold::sustainedFor)
                .contains(
                        tuple(AlertThreshold.Metric.CPU, 85.0,
                                Optional.of(Duration.ofMinutes(5))),
                        tuple(AlertThreshold.Metric.MEMORY, 90.0, Optional.empty()),
                        tuple(AlertThreshold.Metric.LATENCY, 500.0,
                                Optional.of(Duration.ofMinutes(5))));
        assertThat(covenant.first(Escalation.class).orElseThrow().tiers())
                .extracting(Escalation.Tier::who)
                .containsExactly(Escalation.Responder.AUTOMATION, Escalation.Responder.ON_CALL,
                        Escalation.Responder.LEAD);
        RunbookRequired runbooks = covenant.first(RunbookRequired.class).orElseThrow();
        assertThat(runbooks.severities()).containsExactly(Severity.P0, Severity.P1);
        assertThat(runbooks.reviewEvery()).contains(Period.ofMonths(3));
    }

    @Test
    void audoticsDeploysFromSemanticVersionTagsThroughAnApprovalGate() {
        PolicyPack audotics = ShippedPacks.load("audotics");

        assertThat(audotics.first(Branching.class).orElseThrow().model()).isEqualTo(Branching.Model.GITHUB_FLOW);
        assertThat(audotics.first(Versioning.class))
                .contains(new Versioning(Optional.of(Versioning.Scheme.SEMVER), true, true));
        DeploymentTrigger trigger = audotics.first(DeploymentTrigger.class).orElseThrow();
        assertThat(trigger.startsOn("v1.4.2")).isTrue();
        assertThat(trigger.startsOn("nightly")).isFalse();
        assertThat(audotics.first(ProductionApprovals.class).orElseThrow().min()).isEqualTo(1);
        assertThat(audotics.first(RestoreDrill.class)).isPresent();
        assertThat(audotics.rule("recovery-objectives").orElseThrow().description()).contains("sets no figures");
        assertThat(audotics.first(SecretRotation.class)).isPresent();
        assertThat(audotics.rules(RuleKind.LEAST_PRIVILEGE)).hasSize(1);
        assertThat(audotics.first(SecurityScanGate.class).orElseThrow().scans())
                .contains(SecurityScanGate.ScanKind.DEPENDENCIES);
        assertThat(audotics.first(ImageScanGate.class)).isPresent();
    }
}
