package dev.gantry.domain.policy;

import static dev.gantry.domain.policy.Refusals.pack;
import static dev.gantry.domain.policy.Refusals.problemsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.Role;
import dev.gantry.domain.policy.params.ProductionApprovals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyPackLoaderTests {

    private static PolicyProblem problem(int line, int column, String field, String message) {
        return new PolicyProblem(Refusals.SOURCE, line, column, field, message);
    }

    @Test
    void aValidPackIsReadWithTypedParameters() {
        PolicyPack pack = Refusals.load(pack("""
                  - id: prod-approval
                    kind: deploy.production.approvals
                    description: Production needs an approved, labelled change.
                    params: {min: 1, role: release_manager, changeLabel: "#deploy-production"}
                """));

        assertThat(pack.id()).isEqualTo("test");
        assertThat(pack.source()).isEqualTo("bad.yaml");
        assertThat(pack.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("prod-approval");
            assertThat(rule.kind()).isEqualTo(RuleKind.PRODUCTION_APPROVALS);
            assertThat(rule.parameters()).as("self-approval is forbidden unless a pack says otherwise")
                    .isEqualTo(new ProductionApprovals(1, Role.RELEASE_MANAGER, true,
                            Optional.of("#deploy-production")));
        });
    }

    @Test
    void everyProblemIsReportedTogetherWithLineColumnAndField() {
        List<PolicyProblem> problems = problemsOf("""
                pack: Acme Corp
                name: ACME
                organisation: ACME Corp
                version: "1.0"
                description: Several mistakes at once.
                rules:
                  - id: prod-approval
                    kind: deploy.production.approvals
                    description: Approvals.
                    params: {min: -1, role: RELEASE_MANAGR, forbidSelfApproval: maybe}
                  - id: prod-approval
                    kind: gate.coverage
                    description: Coverage.
                    params: {min: 120}
                  - id: drill
                    kind: recovery.drill
                    description: Drills.
                    params: {every: 90 days, rto: PT0S, rpo: PT1H}
                  - kind: gate.coverage
                    params: {min: eighty}
                """);

        assertThat(problems).containsExactly(
                problem(1, 7, "pack", "'Acme Corp' is not a pack id: use lower-case words joined by hyphens, "
                        + "e.g. acme or acme-prod"),
                problem(4, 10, "version", "'1.0' is not a semantic version: write MAJOR.MINOR.PATCH, e.g. 1.0.0"),
                problem(10, 19, "rules[0].params.min", "must be >= 0, was -1"),
                problem(10, 29, "rules[0].params.role", "unknown value 'RELEASE_MANAGR' (did you mean "
                        + "'RELEASE_MANAGER'?); allowed values: ADMIN, AUDITOR, RELEASE_MANAGER, SECRETS_ADMIN, "
                        + "INCIDENT_COMMANDER, ENGINEER, VIEWER"),
                problem(10, 65, "rules[0].params.forbidSelfApproval", "must be true or false, was 'maybe'"),
                problem(11, 9, "rules[1].id", "duplicate rule id 'prod-approval' (first used at line 7)"),
                problem(14, 19, "rules[1].params.min", "must be between 0 and 100, was 120"),
                problem(18, 21, "rules[2].params.every", "'90 days' is not an ISO-8601 period of days, weeks, "
                        + "months or years; write for example P90D, P2W, P3M or P1Y"),
                problem(18, 35, "rules[2].params.rto", "must be positive, was PT0S"),
                problem(19, 5, "rules[3].id", "is required"),
                problem(19, 5, "rules[3].description", "is required"),
                problem(20, 19, "rules[3].params.min", "must be a number such as 80 or 72.5, was 'eighty'"));
    }

    @Test
    void theMessageListsOneProblemPerLineAsFileLineColumnFieldMessage() {
        assertThatThrownBy(() -> Refusals.load(pack("""
                  - id: coverage
                    kind: gate.coverage
                    description: Coverage.
                    params: {min: -5}
                  - id: approvals
                    kind: deploy.production.approvals
                    description: Approvals.
                    params: {min: -1, role: ADMIN}
                """)))
                .isInstanceOf(PolicyPackException.class)
                .hasMessage("""
                        bad.yaml:10:19: rules[0].params.min: must be between 0 and 100, was -5
                        bad.yaml:14:19: rules[1].params.min: must be >= 0, was -1""");
    }

    @Test
    void anUnknownKindIsRefusedNamingTheKnownKinds() {
        List<PolicyProblem> problems = problemsOf(pack("""
                  - id: strategy
                    kind: deploy.strategie
                    description: Blue/green.
                    params: {production: BLUE_GREEN}
                """));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(8);
            assertThat(problem.column()).isEqualTo(11);
            assertThat(problem.field()).isEqualTo("rules[0].kind");
            assertThat(problem.message())
                    .startsWith("unknown kind 'deploy.strategie' (did you mean 'deploy.strategy'?); known kinds: ")
                    .contains(RuleKind.yamlNames().toArray(String[]::new));
        });
    }

    @Test
    void aMisspeltParameterIsRefusedAndTheKnownOnesAreListed() {
        List<PolicyProblem> problems = problemsOf(pack("""
                  - id: prod-approval
                    kind: deploy.production.approvals
                    description: Approvals.
                    params:
                      min: 1
                      role: RELEASE_MANAGER
                      forbidSelfAproval: false
                """));

        assertThat(problems).containsExactly(problem(13, 7, "rules[0].params.forbidSelfAproval",
                "unknown parameter 'forbidSelfAproval' for deploy.production.approvals (did you mean "
                        + "'forbidSelfApproval'?); known parameters: min, role, forbidSelfApproval, changeLabel"));
    }

    @Test
    void parametersGivenToAKindThatTakesNoneAreRefused() {
        assertThat(problemsOf(pack("""
                  - id: zero-downtime
                    kind: deploy.zeroDowntime
                    description: Never down.
                    params: {maxDowntime: PT0S}
                """))).containsExactly(problem(10, 14, "rules[0].params.maxDowntime",
                "deploy.zeroDowntime takes no parameters"));
    }

    @Test
    void missingRequiredParametersAreReportedWhereTheParametersShouldBe() {
        assertThat(problemsOf(pack("""
                  - id: drill
                    kind: recovery.drill
                    description: Drills.
                """))).containsExactly(
                problem(7, 5, "rules[0].params.every", "is required"),
                problem(7, 5, "rules[0].params.rto", "is required"),
                problem(7, 5, "rules[0].params.rpo", "is required"));
    }

    @Test
    void anUnknownFieldAtPackOrRuleLevelIsRefused() {
        List<PolicyProblem> problems = problemsOf("""
                pack: test
                name: Test
                organisation: Test Ltd
                version: 1.0.0
                descripton: typo
                rules:
                  - id: vault
                    kind: secrets.vault
                    description: Vault.
                    severity: high
                """);

        assertThat(problems).containsExactly(
                problem(1, 1, "description", "is required"),
                problem(5, 1, "descripton", "unknown field 'descripton' (did you mean 'description'?); "
                        + "known fields: pack, name, organisation, version, description, rules"),
                problem(10, 5, "rules[0].severity", "unknown field 'severity' for a rule; "
                        + "known fields: id, kind, description, params"));
    }

    @Test
    void aBadEnumValueInAListSaysWhichValuesAreAllowed() {
        assertThat(problemsOf(pack("""
                  - id: tests
                    kind: gate.tests
                    description: Tests.
                    params: {kinds: [UNIT, FUZZ, UNIT]}
                """))).containsExactly(
                problem(10, 28, "rules[0].params.kinds[1]", "unknown value 'FUZZ'; allowed values: "
                        + "LINT, UNIT, INTEGRATION, SECURITY, SMOKE, PERFORMANCE"),
                problem(10, 34, "rules[0].params.kinds[2]", "UNIT is listed twice"));
    }

    @Test
    void aBadDurationExplainsTheIsoFormat() {
        assertThat(problemsOf(pack("""
                  - id: tokens
                    kind: secrets.temporaryAccess
                    description: Tokens.
                    params: {maxTtl: 8h}
                """))).containsExactly(problem(10, 22, "rules[0].params.maxTtl",
                "'8h' is not an ISO-8601 duration; write for example PT48H, PT5M or P2D"));
    }

    @Test
    void aRuleWhoseValuesContradictEachOtherIsRefusedAtTheParameterConcerned() {
        assertThat(problemsOf(pack("""
                  - id: strategy
                    kind: deploy.strategy
                    description: Rolling with a standby makes no sense.
                    params: {production: ROLLING, standbyRetention: PT48H}
                  - id: thresholds
                    kind: monitoring.alertThreshold
                    description: Latency in percent is a mistake.
                    params: {metric: LATENCY, above: 500, unit: PERCENT}
                """))).containsExactly(
                problem(10, 53, "rules[0].params.standbyRetention", "applies to BLUE_GREEN only, not ROLLING"),
                problem(14, 49, "rules[1].params.unit", "LATENCY is measured in MILLISECONDS, not PERCENT"));
    }

    @Test
    void escalationTiersAreCheckedOneByOne() {
        assertThat(problemsOf(pack("""
                  - id: escalation
                    kind: incidents.escalation
                    description: Tiers.
                    params:
                      tiers:
                        - {name: Tier 1, who: AUTOMATION, after: PT0S}
                        - {name: Tier 2, who: PAGER, after: PT5M, notify: all}
                """))).containsExactly(
                problem(13, 31, "rules[0].params.tiers[1].who", "unknown value 'PAGER'; allowed values: "
                        + "AUTOMATION, ON_CALL, INCIDENT_COMMANDER, LEAD"),
                problem(13, 51, "rules[0].params.tiers[1].notify",
                        "unknown field 'notify'; known fields: name, who, after"));
    }

    @Test
    void aValueOfTheWrongShapeIsOneProblemNotOnePerMissingField() {
        assertThat(problemsOf(pack("""
                  - just a sentence
                  - id: drill
                    kind: recovery.drill
                    description: Drills.
                    params: P90D
                """))).containsExactly(
                problem(7, 5, "rules[0]", "must be a mapping of names to values"),
                problem(11, 13, "rules[1].params", "must be a mapping of names to values"));
    }

    @Test
    void rulesMustBeAList() {
        assertThat(problemsOf("""
                pack: test
                name: Test
                organisation: Test Ltd
                version: 1.0.0
                description: No rules.
                rules: {}
                """)).containsExactly(problem(6, 8, "rules", "must be a list of at least one rule"));
    }

    @Test
    void brokenYamlIsReportedWithItsPosition() {
        assertThat(problemsOf("""
                pack: test
                name: [unclosed
                """)).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).startsWith("not valid YAML: ");
        });
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertThat(problemsOf("# nothing here\n"))
                .containsExactly(new PolicyProblem(Refusals.SOURCE, 0, 0, "", "is empty"));
    }

    @Test
    void aFileIsReportedUnderItsOwnName(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("mine.yaml");
        Files.writeString(file, pack("""
                  - id: coverage
                    kind: gate.coverage
                    description: Coverage.
                    params: {min: 101}
                """));

        assertThatThrownBy(() -> new PolicyPackLoader().load(file))
                .hasMessage("mine.yaml:10:19: rules[0].params.min: must be between 0 and 100, was 101");
    }

    @Test
    void aMissingFileIsRefusedNotThrownAsIoError(@TempDir Path folder) {
        assertThatThrownBy(() -> new PolicyPackLoader().load(folder.resolve("absent.yaml")))
                .isInstanceOf(PolicyPackException.class)
                .hasMessageStartingWith("absent.yaml: cannot be read: java.nio.file.NoSuchFileException");
    }
}
