package dev.gantry.journeys;

import java.io.PrintStream;
import java.util.List;

import dev.gantry.GantryApplication;
import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.access.NewTeam;
import dev.gantry.access.TeamManagement;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child Gantry JVM of {@link AuditDurabilityJourneyTests}: the real application on a given data directory.
 * Mode {@code write} creates teams one by one and prints {@code ACK <slug>} only after each commit returned;
 * mode {@code verify} prints the audit chain's verification.
 */
public final class AuditWriterMain {

    private AuditWriterMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = SpringApplication.run(GantryApplication.class, args);
        if (List.of(args).contains("--mode=verify")) {
            AuditVerification result = SystemAuthority.runAs("verify", List.of(Role.AUDITOR),
                    () -> context.getBean(AuditVerifier.class).verify());
            out.println("RESULT " + result);
            out.flush();
            context.close();
            return;
        }
        TeamManagement teams = context.getBean(TeamManagement.class);
        out.println("READY");
        out.flush();
        SystemAuthority.runAs("durability", List.of(Role.ADMIN), () -> {
            for (int i = 0; ; i++) {
                String slug = "team-" + i;
                teams.create(new NewTeam(slug, "Team " + i, "written before the crash"));
                out.println("ACK " + slug);
                out.flush();
            }
        });
    }
}
