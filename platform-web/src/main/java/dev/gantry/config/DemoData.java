package dev.gantry.config;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;

import dev.gantry.access.AccountKind;
import dev.gantry.access.CreatedUser;
import dev.gantry.access.NewTeam;
import dev.gantry.access.NewUser;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceDefinition;
import dev.gantry.access.ServiceTier;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Environment;
import dev.gantry.domain.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@code demo} profile: a small organisation (three teams, five people, a CI account, four services) so a
 * newcomer sees a populated portal. Seeds only an installation that has no team yet, through the same services
 * and audit trail as everything else.
 */
@Component
@Profile("demo")
@Order(100)
class DemoData implements ApplicationRunner {

    private final UserManagement users;
    private final TeamManagement teams;
    private final ServiceCatalog catalog;
    private final PrintStream console = System.out;

    DemoData(UserManagement users, TeamManagement teams, ServiceCatalog catalog) {
        this.users = users;
        this.teams = teams;
        this.catalog = catalog;
    }

    @Override
    public void run(ApplicationArguments args) {
        SystemAuthority.runAs("demo", List.of(Role.ADMIN), this::seedIfEmpty);
    }

    private void seedIfEmpty() {
        if (!teams.all().isEmpty()) {
            return;
        }
        teams.create(new NewTeam("payments", "Payments", "Checkout, ledger and payouts"));
        teams.create(new NewTeam("platform", "Platform", "Runs the shared infrastructure and Gantry itself"));
        teams.create(new NewTeam("identity", "Identity", "Sign-in and customer accounts"));
        StringBuilder handover = new StringBuilder("\nGantry demo accounts (one-time passwords, shown once):\n");
        person(handover, "alice", "Alice Martins", "payments", Role.ENGINEER);
        person(handover, "bruno", "Bruno Costa", "payments", Role.RELEASE_MANAGER);
        person(handover, "chen", "Chen Wei", "platform", Role.ENGINEER);
        person(handover, "dara", "Dara Okafor", "identity", Role.INCIDENT_COMMANDER);
        CreatedUser auditor = users.create(new NewUser("erin", "Erin Novak", "erin@example.com", AccountKind.PERSON));
        teams.grant("erin", Role.AUDITOR, null);
        handover.append("  erin   ").append(auditor.oneTimePassword()).append("  (AUDITOR)\n");
        users.create(new NewUser("ci-bot", "CI pipeline", null, AccountKind.SERVICE));
        teams.addMember("platform", "ci-bot");

        EnumSet<Environment> all = EnumSet.allOf(Environment.class);
        catalog.register(new ServiceDefinition("checkout-api", "Checkout API", "Takes orders and payments",
                "payments", ServiceTier.CRITICAL, all, "https://git.example.com/payments/checkout",
                "https://wiki.example.com/runbooks/checkout", "https://grafana.example.com/d/checkout"));
        catalog.register(new ServiceDefinition("ledger", "Ledger", "Double-entry book of every payment",
                "payments", ServiceTier.HIGH, all, "https://git.example.com/payments/ledger", null, null));
        catalog.register(new ServiceDefinition("gantry", "Gantry", "This platform", "platform", ServiceTier.HIGH,
                EnumSet.of(Environment.PRODUCTION), null, null, null));
        catalog.register(new ServiceDefinition("login", "Login service", "Customer sign-in and sessions",
                "identity", ServiceTier.CRITICAL, all, null, "https://wiki.example.com/runbooks/login", null));
        console.println(handover);
    }

    private void person(StringBuilder handover, String username, String name, String team, Role role) {
        CreatedUser created = users.create(new NewUser(username, name, username + "@example.com", AccountKind.PERSON));
        teams.addMember(team, username);
        teams.grant(username, role, team);
        teams.grant(username, Role.VIEWER, null);
        handover.append("  ").append(String.format("%-6s ", username)).append(created.oneTimePassword())
                .append("  (").append(role).append(" in ").append(team).append(")\n");
    }
}
