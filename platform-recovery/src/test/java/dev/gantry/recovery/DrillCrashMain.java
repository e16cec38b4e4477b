package dev.gantry.recovery;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.domain.audit.AuditTrail;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The child JVM of {@link DrillCrashIntegrationTests}: backs a plan up, starts a drill whose last check waits, and
 * prints {@code DRILLING <drill>} once the backup is restored into its scratch directory, so the parent can kill
 * it in the middle of the drill.
 */
public final class DrillCrashMain {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private DrillCrashMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = start(Clock.systemUTC(), args);
        var authentication = new TestingAuthenticationToken("crash-test", "n/a", "ROLE_ADMIN");
        SecurityContextHolder.getContext().setAuthentication(authentication);
        Path locations = Path.of(System.getProperty("crash.locations"));
        Path scratch = Path.of(System.getProperty("crash.scratch"));
        BackupPlan plan = context.getBean(BackupPlans.class).create(new BackupPlanDraft("svc-drill-crash",
                "Drill crash", "drill-crash", new SourceSpec.Command(List.of("sh", "-c", "seq 1 100000")),
                "0 0 * * * *", List.of(new LocationSpec.Directory(locations.toString())), KeepRules.everything(),
                null, null, Duration.ofMinutes(10)));
        BackupPoint point = context.getBean(BackupService.class).runPlan(plan.id());
        out.println("POINT " + point.id());
        DrillPlan drillPlan = context.getBean(DrillPlans.class).create(new DrillPlanDraft("drill-crash", plan.id(),
                "0 0 3 * * MON", DrillPlanDraft.Selection.LATEST, null, new ScratchSpec.NewDirectory(scratch.toString()),
                List.of(new Validation.MatchesExpectation(), new Validation.CommandCheck("waits",
                        List.of("sh", "-c", System.getProperty("crash.check")))), WINDOW));
        out.println("DRILLPLAN " + drillPlan.id());
        out.flush();
        RestoreDrills drills = context.getBean(RestoreDrills.class);
        Thread.ofPlatform().start(() -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            drills.runDrill(drillPlan.id());
        });
        while (true) {
            List<DrillReport> reports = drills.reports(drillPlan.id(), 1);
            if (!reports.isEmpty() && restored(scratch)) {
                out.println("DRILLING " + reports.getFirst().drillId());
                out.flush();
            }
            Thread.sleep(100);
        }
    }

    private static boolean restored(Path scratch) throws Exception {
        if (!Files.isDirectory(scratch)) {
            return false;
        }
        try (Stream<Path> targets = Files.list(scratch)) {
            return targets.anyMatch(target -> Files.isRegularFile(target.resolve("stream")));
        }
    }

    static ConfigurableApplicationContext start(Clock clock, String... args) {
        var objectives = new RecoveryObjectives(Duration.ofHours(24), Duration.ofHours(1), Period.ofDays(30),
                "pack crash 1.0.0 rule restore-drills");
        return new SpringApplicationBuilder(RecoveryTestApplication.class)
                .initializers(context -> {
                    var generic = (GenericApplicationContext) context;
                    generic.registerBean(Clock.class, () -> clock);
                    generic.registerBean(AuditTrail.class, () -> new RecordingAuditTrail());
                    generic.registerBean(RecoveryPolicy.class, () -> () -> Optional.of(objectives));
                })
                .run(args);
    }
}
