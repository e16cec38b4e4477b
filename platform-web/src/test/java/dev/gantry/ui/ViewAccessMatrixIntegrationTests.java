package dev.gantry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import dev.gantry.access.AccountKind;
import dev.gantry.access.NewUser;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every view against every role: a view opens only for the roles it grants, and for nobody else. "no role" is a
 * signed-in member holding no role at all.
 */
class ViewAccessMatrixIntegrationTests extends PortalTestSupport {

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    /** Route -> the roles that may open it ({@code null} role = signed in with no role). */
    private static final Map<String, Set<Role>> GRANTED = Map.ofEntries(
            Map.entry("", EVERYONE),
            Map.entry("catalog", EVERYONE),
            Map.entry("policy", EVERYONE),
            Map.entry("account/tokens", EVERYONE),
            Map.entry("account", EVERYONE),
            Map.entry("audit", EnumSet.of(Role.ADMIN, Role.AUDITOR)),
            Map.entry("admin/users", EnumSet.of(Role.ADMIN)),
            Map.entry("admin/teams", EnumSet.of(Role.ADMIN)),
            // What a person sees in the vault follows their path policies (ADR 6), not the page.
            Map.entry("secrets", EVERYONE),
            Map.entry("secrets/rotation", EVERYONE),
            Map.entry("secrets/tokens", EVERYONE),
            Map.entry("secrets/seal", EnumSet.of(Role.SECRETS_ADMIN)),
            Map.entry("secrets/policies", EnumSet.of(Role.SECRETS_ADMIN)),
            Map.entry("secrets/scans", EnumSet.of(Role.SECRETS_ADMIN)),
            Map.entry("recovery", EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.ENGINEER, Role.VIEWER)));
    private static final Set<String> OPEN_TO_ANY_MEMBER = Set.of("", "catalog", "policy", "account/tokens",
            "account", "secrets", "secrets/rotation", "secrets/tokens");

    @Autowired UserManagement users;

    @BeforeEach
    void theMatrixUserHasAnAccount() {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("matrix-admin",
                List.of(Role.ADMIN)));
        if (users.find("matrix-user", PageRequest.of(0, 1)).isEmpty()) {
            users.create(new NewUser("matrix-user", "Matrix user", null, AccountKind.PERSON));
        }
        SecurityContextHolder.clearContext();
    }

    static Stream<Arguments> viewsAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (var view : GRANTED.entrySet()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(view.getKey(), role, view.getValue().contains(role)));
            }
            cases.add(Arguments.of(view.getKey(), null, OPEN_TO_ANY_MEMBER.contains(view.getKey())));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "/{0} as {1}: opens = {2}")
    @MethodSource("viewsAndRoles")
    void aViewOpensOnlyForTheRolesItGrants(String route, @Nullable Role role, boolean opens) {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("matrix-user",
                role == null ? List.of() : List.of(role)));

        navigate(route, Component.class);

        Route shown = getCurrentView().getClass().getAnnotation(Route.class);
        boolean opened = shown != null && shown.value().equals(route);
        assertThat(opened).as("/%s as %s", route, role).isEqualTo(opens);
        if (!opens) {
            assertThat(getCurrentView()).as("a refusal explains itself").isInstanceOf(AccessDeniedView.class);
        }
    }
}
