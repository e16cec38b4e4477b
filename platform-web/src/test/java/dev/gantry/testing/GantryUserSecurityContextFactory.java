package dev.gantry.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.gantry.access.Authorities;
import dev.gantry.domain.Role;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInStage;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

public class GantryUserSecurityContextFactory implements WithSecurityContextFactory<WithGantryUser> {

    @Override
    public SecurityContext createSecurityContext(WithGantryUser user) {
        return contextFor(user.username(), List.of(user.roles()), List.of(user.teamRoles()));
    }

    public static SecurityContext contextFor(String username, List<Role> roles) {
        return contextFor(username, roles, List.of());
    }

    /** {@code teamRoles} as {@code slug:ROLE}, turned into the authorities a member of those teams holds. */
    public static SecurityContext contextFor(String username, List<Role> roles, List<String> teamRoles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.SIGNED_IN));
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        for (String teamRole : teamRoles) {
            String[] parts = teamRole.split(":", 2);
            authorities.add(new SimpleGrantedAuthority(Authorities.teamRole(parts[0], Role.valueOf(parts[1]))));
        }
        GantryPrincipal principal = new GantryPrincipal(UUID.nameUUIDFromBytes(username.getBytes()), username,
                username, 0, SignInStage.COMPLETE);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        return context;
    }
}
