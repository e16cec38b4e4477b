import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.gantry.GantryApplication;
import dev.gantry.access.AccountKind;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.NewTeam;
import dev.gantry.access.NewUser;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Gantry as packaged (the extracted application jar and its libraries on the class path), plus the one thing the
 * REST benchmark cannot do over HTTP: issue its first API token. Once the application is up, an administrator
 * creates team "payments", a service account that is ENGINEER of that team only (so its secrets access comes from
 * the team's built-in engineer policy, payments/**), and a token with scopes secrets:read, secrets:write and
 * policy:read, written to the owner-only file named by -Dbench.token-file. Then it prints READY and serves.
 */
public final class GantryWithBenchCaller {

    public static void main(String[] args) throws IOException {
        PrintStream out = System.out;
        ConfigurableApplicationContext context = SpringApplication.run(GantryApplication.class, args);
        var admin = SecurityContextHolder.createEmptyContext();
        admin.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:bench", null,
                List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        SecurityContextHolder.setContext(admin);
        String token;
        try {
            context.getBean(TeamManagement.class).create(new NewTeam("payments", "Payments", "REST benchmark"));
            context.getBean(UserManagement.class).create(new NewUser("bench-ci", "Benchmark CI", null,
                    AccountKind.SERVICE));
            context.getBean(TeamManagement.class).addMember("payments", "bench-ci");
            context.getBean(TeamManagement.class).grant("bench-ci", Role.ENGINEER, "payments");
            token = context.getBean(ApiTokens.class).create("bench-ci", "rest-benchmark",
                    EnumSet.of(ApiScope.SECRETS_READ, ApiScope.SECRETS_WRITE, ApiScope.POLICY_READ),
                    Duration.ofHours(2)).value();
        } catch (RuntimeException e) {
            e.printStackTrace();
            SpringApplication.exit(context);
            System.exit(1);
            return;
        } finally {
            SecurityContextHolder.clearContext();
        }
        Path file = Path.of(System.getProperty("bench.token-file"));
        Files.writeString(Files.createFile(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))), token);
        out.println("READY");
        out.flush();
    }
}
