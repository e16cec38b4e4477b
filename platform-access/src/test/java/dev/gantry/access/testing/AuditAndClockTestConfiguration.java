package dev.gantry.access.testing;

import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The two beans the access services need from the application: an audit trail (recording) and a clock (movable).
 * Import it explicitly. Both are {@code @Primary}, so they win over the module's own audit trail and any clock the
 * test application registers: the tests that import this see exactly what their services did, at the time they set.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AuditAndClockTestConfiguration {

    /** A Wednesday, mid-step: 2026-11-25T10:00:05Z is 5 s into a 30 s TOTP step. */
    public static final Instant START = Instant.parse("2026-11-25T10:00:05Z");

    @Bean
    @Primary
    RecordingAuditTrail recordingAuditTrail() {
        return new RecordingAuditTrail();
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }
}
