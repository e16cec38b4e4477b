package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyPackLoader;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Intervals, windows, prefixes and the policy pack's maximum age: the values a schedule is made of. */
class RotationScheduleTests {

    @Test
    void anIntervalIsACalendarPeriodOrADurationOfAtLeastAnHour() {
        Instant start = Instant.parse("2026-01-31T10:00:00Z");

        assertThat(new RotationInterval("P1M").after(start)).isEqualTo(Instant.parse("2026-02-28T10:00:00Z"));
        assertThat(new RotationInterval("p30d").after(start)).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(new RotationInterval("PT12H").after(start)).isEqualTo(Instant.parse("2026-01-31T22:00:00Z"));
        assertThatThrownBy(() -> new RotationInterval("PT30M")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at least");
        assertThatThrownBy(() -> new RotationInterval("monthly")).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("interval");
    }

    @Test
    void aWindowMayRunPastMidnightInItsOwnZone() {
        RotationWindow window = new RotationWindow(LocalTime.of(23, 30), Duration.ofHours(2),
                ZoneId.of("Europe/Berlin"));

        assertThat(window.contains(Instant.parse("2026-06-01T21:45:00Z"))).as("23:45 in Berlin").isTrue();
        assertThat(window.contains(Instant.parse("2026-06-01T23:15:00Z"))).as("01:15 in Berlin").isTrue();
        assertThat(window.contains(Instant.parse("2026-06-01T23:31:00Z"))).as("01:31 in Berlin").isFalse();
        assertThat(window.nextOpening(Instant.parse("2026-06-01T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-06-01T21:30:00Z"));
        assertThatThrownBy(() -> new RotationWindow(LocalTime.NOON, Duration.ofMinutes(1), ZoneId.of("UTC")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPrefixIsWholeSegmentsEndingWithASlash() {
        RotationPolicy prefix = new RotationPolicy(RotationScope.PREFIX, "payments/api/", "password",
                RotatorParameters.none(), null, null, Duration.ZERO, Duration.ZERO, true);

        assertThat(prefix.covers("payments/api/prod/db")).isTrue();
        assertThat(prefix.covers("payments/api-gateway/prod/db")).isFalse();
        for (String bad : new String[] {"payments", "Payments/", "payments/api/prod/db/", "../"}) {
            assertThatThrownBy(() -> new RotationPolicy(RotationScope.PREFIX, bad, "password",
                    RotatorParameters.none(), null, null, Duration.ZERO, Duration.ZERO, true)).as(bad)
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> RotationPolicy.forSecret("payments/api/prod/db", "password",
                RotatorParameters.none()).withRevocation(Duration.ofSeconds(-1), Duration.ZERO))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("gracePeriod");
    }

    @Test
    void theActivePacksSecretsRotationRuleGivesTheMaximumAgeAndNamesItself() throws Exception {
        PolicyPack pack = new PolicyPackLoader().load("acme.yaml", new StringReader("""
                pack: acme
                name: Acme
                organisation: Acme Ltd
                version: 1.4.0
                description: Acme's rules.
                rules:
                  - id: rotate-credentials
                    kind: secrets.rotation
                    description: Credentials are rotated at least every 60 days.
                    params: {maxAge: P60D}
                """));
        PolicyPack without = new PolicyPackLoader().load("bare.yaml", new StringReader("""
                pack: bare
                name: Bare
                organisation: Bare Ltd
                version: 0.1.0
                description: No rules about secrets.
                rules:
                  - id: mfa
                    kind: access.mfa
                    description: Everyone uses MFA.
                    params: {requiredFor: [ADMIN]}
                """));

        assertThat(RotationDefaults.fromPack(() -> pack).maximumAge()).hasValueSatisfying(maximum -> {
            assertThat(maximum.maxAge()).isEqualTo(Period.ofDays(60));
            assertThat(maximum.rule().toString()).isEqualTo("acme@1.4.0#rotate-credentials");
        });
        assertThat(RotationDefaults.fromPack(() -> without).maximumAge()).isEmpty();
        assertThat(RotationDefaults.none().maximumAge()).isEmpty();
    }
}
