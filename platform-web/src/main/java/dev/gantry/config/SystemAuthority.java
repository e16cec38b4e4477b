package dev.gantry.config;

import java.util.List;
import java.util.function.Supplier;

import dev.gantry.domain.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs start-up and scheduled work as a named system actor holding exactly the roles it needs, so the services'
 * method security applies to it like to anyone, and the audit trail names it ({@code system:<purpose>}).
 */
public final class SystemAuthority {

    private SystemAuthority() {
    }

    public static <T> T runAs(String purpose, List<Role> roles, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("system:" + purpose, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void runAs(String purpose, List<Role> roles, Runnable work) {
        runAs(purpose, roles, () -> {
            work.run();
            return null;
        });
    }
}
