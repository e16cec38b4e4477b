package dev.gantry.recovery;

import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyRule;
import dev.gantry.domain.policy.RuleKind;
import dev.gantry.domain.policy.params.RestoreDrill;
import java.util.Optional;

/**
 * The port through which the active policy pack's recovery rules reach this module; the application feeds it
 * ({@code @Bean RecoveryPolicy recoveryPolicy(PolicyPack pack) { return RecoveryPolicy.of(pack); }}). Without such a
 * bean only the plans' own objectives apply.
 */
public interface RecoveryPolicy {

    /** The pack's {@code recovery.drill} rule: drill frequency, RTO and RPO. */
    Optional<RecoveryObjectives> defaults();

    static RecoveryPolicy of(PolicyPack pack) {
        Optional<RecoveryObjectives> objectives = pack.rules(RuleKind.RESTORE_DRILL).stream().findFirst()
                .map(rule -> objectives(pack, rule));
        return () -> objectives;
    }

    static RecoveryPolicy none() {
        return Optional::empty;
    }

    private static RecoveryObjectives objectives(PolicyPack pack, PolicyRule rule) {
        var drill = (RestoreDrill) rule.parameters();
        var reference = pack.reference(rule);
        return new RecoveryObjectives(drill.rpo(), drill.rto(), drill.every(),
                "pack " + reference.packId() + " " + reference.packVersion() + " rule " + reference.ruleId());
    }
}
