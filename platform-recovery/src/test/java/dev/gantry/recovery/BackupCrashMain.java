package dev.gantry.recovery;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.domain.audit.AuditTrail;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The child JVM of {@link BackupCrashIntegrationTests}: creates a plan whose source never ends by itself, starts a
 * backup, and prints {@code RUNNING <point>} once bytes are flowing, so the parent can kill it mid-backup.
 */
public final class BackupCrashMain {

    private BackupCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = start(Clock.systemUTC(), args);
        SecurityContextHolder.getContext().setAuthentication(
                new TestingAuthenticationToken("crash-test", "n/a", "ROLE_ADMIN"));
        Path locations = Path.of(System.getProperty("crash.locations"));
        Path finish = Path.of(System.getProperty("crash.finish"));
        BackupPlan plan = context.getBean(BackupPlans.class).create(new BackupPlanDraft("svc-crash", "Crash", "crash",
                new SourceSpec.Command(List.of("sh", "-c", "while [ ! -f " + finish
                        + " ]; do head -c 65536 /dev/zero || exit 1; sleep 0.05; done")),
                "0 0 * * * *", List.of(new LocationSpec.Directory(locations.toString())), KeepRules.everything(),
                null, null, Duration.ofMinutes(10)));
        out.println("PLAN " + plan.id());
        out.flush();
        BackupService backups = context.getBean(BackupService.class);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Thread.ofPlatform().start(() -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            backups.runPlan(plan.id());
        });
        while (true) {
            var progress = backups.progress(plan.id());
            if (progress.isPresent() && progress.get().bytesDone() > 1_000_000) {
                out.println("RUNNING " + progress.get().pointId());
                out.flush();
            }
            Thread.sleep(100);
        }
    }

    static ConfigurableApplicationContext start(Clock clock, String... args) {
        return new SpringApplicationBuilder(RecoveryTestApplication.class)
                .initializers(context -> {
                    var generic = (GenericApplicationContext) context;
                    generic.registerBean(Clock.class, () -> clock);
                    generic.registerBean(AuditTrail.class, () -> new RecordingAuditTrail());
                })
                .run(args);
    }

    static UUID uuid(String line) {
        return UUID.fromString(line.substring(line.indexOf(' ') + 1));
    }
}
