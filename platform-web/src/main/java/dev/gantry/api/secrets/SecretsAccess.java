package dev.gantry.api.secrets;

/**
 * Who may call the vault's endpoints, as {@code @PreAuthorize} expressions. A vault token ({@code gvt_}) carries no
 * scope and no role, only the authority {@code VAULT_TOKEN}: it reaches the endpoints a machine needs (secrets,
 * its own token, capabilities, rotation, sealed import), and the vault applies its policies there. Endpoints for
 * people and administrators take API tokens only, which act as their owner and need the scope.
 */
final class SecretsAccess {

    private static final String VAULT_TOKEN = "hasAuthority('VAULT_TOKEN')";

    static final String READ = "hasAuthority('SCOPE_secrets:read') or " + VAULT_TOKEN;
    static final String WRITE = "hasAuthority('SCOPE_secrets:write') or " + VAULT_TOKEN;
    static final String PEOPLE_READ = "hasAuthority('SCOPE_secrets:read')";
    static final String PEOPLE_WRITE = "hasAuthority('SCOPE_secrets:write')";
    static final String SEAL_ADMIN = "hasAuthority('SCOPE_secrets:seal') and hasRole('SECRETS_ADMIN')";
    static final String SCAN_ADMIN = "hasAuthority('SCOPE_secrets:write') and hasRole('SECRETS_ADMIN')";

    private SecretsAccess() {
    }
}
