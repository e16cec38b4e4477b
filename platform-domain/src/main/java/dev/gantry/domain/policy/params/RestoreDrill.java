package dev.gantry.domain.policy.params;

import java.time.Duration;
import java.time.Period;

/**
 * {@code recovery.drill}: a restore is rehearsed {@code every} period and must meet the recovery time objective
 * ({@code rto}: how long until service is back) and recovery point objective ({@code rpo}: how much data may be lost).
 */
public record RestoreDrill(Period every, Duration rto, Duration rpo) implements RuleParameters {

    public RestoreDrill {
        Checks.positive(every, "every");
        Checks.positive(rto, "rto");
        Checks.positive(rpo, "rpo");
    }

    @Override
    public String summary() {
        return "restore tested " + Wording.every(every) + "; service back within " + Wording.duration(rto)
                + " (RTO), at most " + Wording.duration(rpo) + " of data lost (RPO)";
    }
}
