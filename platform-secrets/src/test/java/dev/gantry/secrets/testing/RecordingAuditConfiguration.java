package dev.gantry.secrets.testing;

import dev.gantry.access.testing.RecordingAuditTrail;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** The audit trail the secrets services write to in tests. Import it explicitly. */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingAuditConfiguration {

    @Bean
    RecordingAuditTrail recordingAuditTrail(PlatformTransactionManager transactionManager) {
        return new RecordingAuditTrail(transactionManager);
    }
}
