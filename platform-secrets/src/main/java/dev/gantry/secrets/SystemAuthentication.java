package dev.gantry.secrets;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * Gantry itself acting on the vault through {@link SystemSecrets}. Only this module creates it, and no sign-in, API
 * token or vault token ever becomes one, so it is the one caller that reaches {@link ReservedPaths}.
 */
final class SystemAuthentication extends AbstractAuthenticationToken {

    private final String name;

    SystemAuthentication(String name) {
        super(List.of());
        this.name = name;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return name;
    }

    @Override
    public String getName() {
        return name;
    }
}
