package dev.gantry.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gantry.access.AccountKind;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.CreatedToken;
import dev.gantry.access.NewUser;
import dev.gantry.access.SignIn;
import dev.gantry.access.SignInResult;
import dev.gantry.access.UserManagement;
import dev.gantry.config.SystemAuthority;
import dev.gantry.domain.Role;
import dev.gantry.testing.TestDataDirectory;
import dev.gantry.secrets.CreatedVaultToken;
import dev.gantry.secrets.NewVaultToken;
import dev.gantry.secrets.PolicyRule;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.VaultTokenAuthentication;
import dev.gantry.secrets.VaultTokens;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Disabling an account ends its portal sessions at their next request and stops its API tokens at once. */
@SpringBootTest
class DisablingAUserIntegrationTests {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry);
    }

    @Autowired UserManagement users;
    @Autowired SignIn signIn;
    @Autowired SignInSteps steps;
    @Autowired ApiTokens tokens;
    @Autowired VaultTokens vaultTokens;
    @Autowired SecretPolicies policies;

    @Test
    void aDisabledUsersSessionEndsAtItsNextRequestAndTheirTokensStopWorking() throws Exception {
        String name = "leaver-" + System.nanoTime() % 100000;
        String password = SystemAuthority.runAs("test", List.of(Role.ADMIN),
                () -> users.create(new NewUser(name, "Leaver", null, AccountKind.PERSON)).oneTimePassword());
        var user = ((SignInResult.Success) signIn.authenticate(name, password)).user();
        MockHttpSession session = new MockHttpSession();
        SecurityContextHolder.getContext().setAuthentication(steps.authenticationFor(user, SignInStage.COMPLETE));
        CreatedToken token = tokens.create(name, "laptop script", Set.of(ApiScope.CATALOG_READ), Duration.ofDays(1));
        SecurityContextHolder.clearContext();

        assertThat(sessionSurvivesARequest(session, user.securityStamp(), name)).isTrue();
        assertThat(tokens.authenticate(token.value())).isPresent();

        SystemAuthority.runAs("test", List.of(Role.ADMIN), () -> {
            users.disable(name);
        });

        assertThat(sessionSurvivesARequest(session, user.securityStamp(), name)).isFalse();
        assertThat(tokens.authenticate(token.value())).isEmpty();
    }

    @Test
    void aDisabledUsersVaultTokensAndTheirChildrenStopWorking() {
        String name = "vault-leaver-" + System.nanoTime() % 100000;
        SystemAuthority.runAs("test", List.of(Role.ADMIN), () -> {
            users.create(new NewUser(name, "Vault leaver", null, AccountKind.SERVICE));
        });
        SystemAuthority.runAs("test", List.of(Role.SECRETS_ADMIN), () -> {
            policies.create("leaver-" + System.nanoTime() % 100000, "", List.of(PolicyRule.of("leaver/**",
                    SecretCapability.READ)));
        });
        String policy = SystemAuthority.runAs("test", List.of(Role.SECRETS_ADMIN),
                () -> policies.list().getLast().name());
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor(name,
                List.of(Role.SECRETS_ADMIN)));
        CreatedVaultToken parent;
        try {
            parent = vaultTokens.create(new NewVaultToken("ci", Set.of(policy), Duration.ofHours(1),
                    Duration.ofHours(2), true, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        VaultTokenAuthentication parentAuthentication = vaultTokens.authenticate(parent.value()).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(parentAuthentication);
        CreatedVaultToken child;
        try {
            child = vaultTokens.create(new NewVaultToken("step", Set.of(policy), Duration.ofMinutes(30), null,
                    false, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        assertThat(vaultTokens.authenticate(child.value())).isPresent();

        SystemAuthority.runAs("test", List.of(Role.ADMIN), () -> {
            users.disable(name);
        });

        assertThat(vaultTokens.authenticate(parent.value())).isEmpty();
        assertThat(vaultTokens.authenticate(child.value())).isEmpty();
    }

    /** One portal request through the session guard, as the session's principal; true if the session lived. */
    private boolean sessionSurvivesARequest(MockHttpSession session, long stamp, String name) throws Exception {
        GantryPrincipal principal = new GantryPrincipal(UUID.randomUUID(), name, name, stamp, SignInStage.COMPLETE);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        try {
            new SessionStampFilter(users).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
            return !session.isInvalid() && SecurityContextHolder.getContext().getAuthentication() != null;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
