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
        return contextFor(user.username(), List.of(user.roles()));
    }

    public static SecurityContext contextFor(String username, List<Role> roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority(Authorities.SIGNED_IN));
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        GantryPrincipal principal = new GantryPrincipal(UUID.nameUUIDFromBytes(username.getBytes()), username,
                username, 0, SignInStage.COMPLETE);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        return context;
    }
}
