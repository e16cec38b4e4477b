package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.Environment;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** Accounts, teams, grants and the catalog against a real database; run on H2 and on PostgreSQL. */
@SpringBootTest(classes = AccessTestApplication.class)
@Import(IdentityIntegrationTests.DisabledUsers.class)
@WithMockUser(username = "root", roles = "ADMIN")
abstract class IdentityIntegrationTests {

    @TestConfiguration
    static class DisabledUsers {
        final List<String> names = new ArrayList<>();

        @EventListener
        void on(UserDisabled event) {
            names.add(event.username());
        }
    }

    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired SignIn signIn;
    @Autowired ServiceCatalog catalog;
    @Autowired DisabledUsers disabled;
    @Autowired JdbcTemplate jdbc;

    private static int serial;

    private static String unique(String base) {
        return base + (++serial) + System.nanoTime() % 100000;
    }

    @Test
    void aNewPersonSignsInWithTheOneTimePasswordAndMustChangeIt() {
        String name = unique("alice");
        CreatedUser created = users.create(new NewUser(name, "Alice", "alice@example.com", AccountKind.PERSON));

        SignInResult result = signIn.authenticate(name, created.oneTimePassword());

        assertThat(result).isInstanceOfSatisfying(SignInResult.Success.class,
                success -> assertThat(success.user().mustChangePassword()).isTrue());
        assertThat(created.toString()).doesNotContain(created.oneTimePassword());
        String stored = jdbc.queryForObject("select password_hash from access_user where username = ?", String.class,
                name);
        assertThat(stored).startsWith("$argon2id$").doesNotContain(created.oneTimePassword());
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountEvenForTheRightPassword() {
        String name = unique("bob");
        CreatedUser created = users.create(new NewUser(name, "Bob", null, AccountKind.PERSON));
        for (int i = 0; i < 5; i++) {
            assertThat(signIn.authenticate(name, "wrong password " + i)).isInstanceOf(SignInResult.class);
        }

        assertThat(signIn.authenticate(name, created.oneTimePassword())).isInstanceOf(SignInResult.LockedOut.class);
    }

    @Test
    void anUnknownUserAndAWrongPasswordAreRefusedAlike() {
        assertThat(signIn.authenticate(unique("nobody"), "whatever it is")).isInstanceOf(SignInResult.BadCredentials.class);
    }

    @Test
    void serviceAccountsCannotSignInToThePortal() {
        String name = unique("ci");
        CreatedUser created = users.create(new NewUser(name, "CI", null, AccountKind.SERVICE));

        assertThat(signIn.authenticate(name, created.oneTimePassword())).isInstanceOf(SignInResult.BadCredentials.class);
    }

    @Test
    void disablingAUserEndsTheirSessionsAndAnnouncesItForTheirTokens() {
        String name = unique("carol");
        users.create(new NewUser(name, "Carol", null, AccountKind.PERSON));
        long stampBefore = users.sessionStamp(name).orElseThrow();

        users.disable(name);

        assertThat(users.sessionStamp(name)).isEmpty();
        assertThat(disabled.names).contains(name);
        users.enable(name);
        assertThat(users.sessionStamp(name).orElseThrow()).isNotEqualTo(stampBefore);
    }

    @Test
    void theLastEnabledAdministratorCanNeitherBeDisabledNorLoseTheRole() {
        String admin = unique("root-admin");
        users.create(new NewUser(admin, "Only admin", null, AccountKind.PERSON));
        GrantView grant = teams.grant(admin, Role.ADMIN, null);
        jdbc.update("""
                delete from access_role_grant where role = 'ADMIN' and team_id is null and user_id <>
                (select id from access_user where username = ?)""", admin);

        assertThatThrownBy(() -> users.disable(admin)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> teams.revoke(grant.id())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTeamRoleNeedsMembershipFirstAndCannotBeGrantedTwice() {
        String name = unique("dan");
        String team = unique("team-");
        users.create(new NewUser(name, "Dan", null, AccountKind.PERSON));
        teams.create(new NewTeam(team, "Team " + team, ""));

        assertThatThrownBy(() -> teams.grant(name, Role.ENGINEER, team)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a member");
        teams.addMember(team, name);
        GrantView granted = teams.grant(name, Role.ENGINEER, team);

        assertThat(granted.scope()).isEqualTo("team " + team);
        assertThatThrownBy(() -> teams.grant(name, Role.ENGINEER, team)).isInstanceOf(ConflictException.class);
        SignedInUser user = ((SignInResult.Success) signIn.authenticate(name, users.resetPassword(name))).user();
        assertThat(user.teamRoles()).containsEntry(team, Set.of(Role.ENGINEER));
        assertThat(user.globalRoles()).isEmpty();
    }

    @Test
    void aTakenTeamSlugIsRefusedAndTheFirstTeamStaysAsItWas() {
        String team = unique("ops-");
        teams.create(new NewTeam(team, "Operations", "first"));

        assertThatThrownBy(() -> teams.create(new NewTeam(team, "Other", "second")))
                .isInstanceOf(ConflictException.class).hasMessageContaining(team);
        assertThat(teams.all()).filteredOn(t -> t.slug().equals(team)).singleElement()
                .extracting(TeamView::description).isEqualTo("first");
    }

    @Test
    @WithMockUser(username = "viewer", roles = "VIEWER")
    void aViewerCannotCreateUsersOrTeams() {
        assertThatThrownBy(() -> users.create(new NewUser(unique("eve"), "Eve", null, AccountKind.PERSON)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> teams.create(new NewTeam(unique("t-"), "T", ""))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void servicesAreListedForTheTeamsTheirOwnersBelongTo() {
        String team = unique("pay-");
        String name = unique("fay");
        teams.create(new NewTeam(team, "Payments", ""));
        users.create(new NewUser(name, "Fay", null, AccountKind.PERSON));
        teams.addMember(team, name);
        String slug = unique("checkout-");
        catalog.register(new ServiceDefinition(slug, "Checkout", "", team, ServiceTier.CRITICAL,
                Set.of(Environment.PRODUCTION), "https://git.example.com/checkout", null, null));

        assertThat(catalog.ownedByTeamsOf(name)).extracting(ServiceView::slug).containsExactly(slug);
        assertThatThrownBy(() -> catalog.register(new ServiceDefinition(slug, "Again", "", team, ServiceTier.LOW,
                Set.of(Environment.STAGING), null, null, null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aServiceLinkMustBeHttp() {
        assertThatThrownBy(() -> new ServiceDefinition("svc", "Svc", "", "team", ServiceTier.LOW,
                Set.of(Environment.STAGING), "javascript:alert(1)", null, null))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("repositoryUrl");
    }

    @Test
    void everyChangeLeavesAnAuditEntryNamingTheActor() {
        String name = unique("gus");
        users.create(new NewUser(name, "Gus", null, AccountKind.PERSON));

        Integer entries = jdbc.queryForObject(
                "select count(*) from access_audit_entry where action = 'user.created' and target = ? and actor = 'root'",
                Integer.class, "user:" + name);
        assertThat(entries).isEqualTo(1);
    }
}
