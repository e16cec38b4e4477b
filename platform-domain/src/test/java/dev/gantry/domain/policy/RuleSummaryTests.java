package dev.gantry.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.domain.Role;
import dev.gantry.domain.policy.params.AlertThreshold;
import dev.gantry.domain.policy.params.Escalation;
import dev.gantry.domain.policy.params.Patching;
import dev.gantry.domain.policy.params.ProductionApprovals;
import dev.gantry.domain.policy.params.RestoreDrill;
import dev.gantry.domain.policy.params.Rollback;
import java.time.Duration;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleSummaryTests {

    @Test
    void approvalsReadAsASentence() {
        assertThat(new ProductionApprovals(1, Role.RELEASE_MANAGER, true, Optional.of("#deploy-production")).summary())
                .isEqualTo("at least 1 approval by a release manager; no self-approval; "
                        + "change labelled #deploy-production");
        assertThat(new ProductionApprovals(2, Role.ENGINEER, false, Optional.empty()).summary())
                .isEqualTo("at least 2 approvals by an engineer");
    }

    @Test
    void durationsAndPeriodsReadInWordsNotIsoCodes() {
        assertThat(new RestoreDrill(Period.ofMonths(3), Duration.ofHours(4), Duration.ofMinutes(90)).summary())
                .isEqualTo("restore tested every 3 months; service back within 4 hours (RTO), "
                        + "at most 1 hour 30 minutes of data lost (RPO)");
        assertThat(new Patching(Period.ofMonths(1), 9.0).summary()).isEqualTo(
                "operating systems and base images patched every month, and at once for a CVE scored 9.0 or higher");
    }

    @Test
    void alertThresholdsCarryTheirUnit() {
        assertThat(new AlertThreshold(AlertThreshold.Metric.LATENCY, 500, AlertThreshold.Unit.MILLISECONDS,
                Optional.of(Duration.ofMinutes(5)), Optional.empty()).summary())
                .isEqualTo("alert on response latency above 500 ms sustained for 5 minutes");
        assertThat(new AlertThreshold(AlertThreshold.Metric.MEMORY, 90, AlertThreshold.Unit.PERCENT,
                Optional.empty(), Optional.empty()).summary())
                .isEqualTo("alert on memory utilisation above 90%");
    }

    @Test
    void escalationReadsTierByTier() {
        Escalation escalation = ShippedPacks.load("covenant").first(Escalation.class).orElseThrow();

        assertThat(escalation.summary()).isEqualTo("Tier 1 (automated): automated remediation at once; "
                + "Tier 2 (on-call engineer): the on-call engineer after 5 minutes; "
                + "Tier 3 (pillar lead): the accountable lead after 30 minutes");
    }

    @Test
    void automaticRollbackNamesItsTriggersAsAlternatives() {
        assertThat(new Rollback(true, Set.of(Rollback.Trigger.ERROR_RATE_SPIKE, Rollback.Trigger.FAILED_HEALTH_CHECK))
                .summary()).isEqualTo("one-step rollback to the previous version at any time; "
                + "automatic on a failed health check or an error-rate spike");
    }

    @Test
    void everyShippedRuleSummarisesInOneLineOfWords() {
        ShippedPacks.all().stream().flatMap(pack -> pack.rules().stream()).forEach(rule ->
                assertThat(rule.summary()).as(rule.id())
                        .isNotBlank()
                        .doesNotContain("\n", "Optional", "null", "_", "[]")
                        .doesNotContainPattern("\\bPT?[0-9]+[A-Z]"));
    }
}
