package dev.gantry.secrets;

import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.audit.AuditedChange;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.io.PrintStream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The child JVM of {@link RotationCrashIntegrationTests}: the secrets module on a given database, rotating a real
 * database user's password. It prints {@code SET} once the target took the new password and the step committed,
 * then stops dead before the test step is recorded, so the parent can kill it between set and finish.
 *
 * <p>Arguments: Spring properties, plus {@code --target.url=} and {@code --target.user=} for the rotated user
 * and {@code --target.password=} for its current password.
 */
public final class RotationCrashMain {

    static final String PATH = "payments/api/prod/db-password";

    private RotationCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        SpringApplication application = new SpringApplication(SecretsTestApplication.class,
                RecordingAuditConfiguration.class, StopAfterSet.class);
        ConfigurableApplicationContext context = application.run(args);
        var environment = context.getEnvironment();
        SecretVault vault = context.getBean(SecretVault.class);
        SecretRotation rotation = context.getBean(SecretRotation.class);
        out.println("READY");
        out.flush();
        SecretRotationIntegrationTests.runAs("system:crash-test", () -> {
            vault.write(PATH, SecretValue.of(environment.getRequiredProperty("target.password").toCharArray()),
                    null);
            rotation.setPolicy(RotationPolicy.forSecret(PATH, "jdbc-password", RotatorParameters.of(
                    "url", environment.getRequiredProperty("target.url"),
                    "username", environment.getRequiredProperty("target.user"))));
            out.println("ROTATING");
            out.flush();
            return rotation.rotateNow(PATH);
        }, "ROLE_SECRETS_ADMIN");
        out.println("FINISHED (the crash did not happen)");
        out.flush();
        context.close();
    }

    /**
     * Wraps the audit trail: after the set step's entry, the next entry (the test step's) never returns. Not a
     * {@code @Configuration}, so that component scanning in the other tests never picks it up; the child passes
     * it as a source explicitly.
     */
    static class StopAfterSet {

        @Bean
        static BeanPostProcessor stopAfterSet() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof AuditTrail trail)) {
                        return bean;
                    }
                    return new AuditTrail() {
                        @Override
                        public void record(AuditRecord record) {
                            if (record.action().equals("secret.rotation.tested")) {
                                System.out.println("SET " + record.details().get("version"));
                                System.out.flush();
                                sleepForever();
                            }
                            trail.record(record);
                        }

                        @Override
                        public void recordCommitted(AuditRecord record) {
                            trail.recordCommitted(record);
                        }

                        @Override
                        public <T> T commitAudited(AuditedChange<T> change) {
                            return trail.commitAudited(change);
                        }
                    };
                }
            };
        }

        private static void sleepForever() {
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException ignored) {
                    // only SIGKILL ends this
                }
            }
        }
    }
}
