package dev.gantry.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an API token may be used for. The wire name is what clients send and what is stored; enum constants may be
 * renamed, wire names may not. Modules add scopes here as they gain an API.
 */
public enum ApiScope {
    AUDIT_READ("audit:read"),
    AUDIT_VERIFY("audit:verify"),
    CATALOG_READ("catalog:read"),
    CATALOG_WRITE("catalog:write"),
    USERS_READ("users:read"),
    USERS_WRITE("users:write"),
    TEAMS_WRITE("teams:write"),
    POLICY_READ("policy:read"),
    RECOVERY_READ("recovery:read"),
    /** Backup and drill plans, running them, restores and key escrow (each also needs an administrator). */
    RECOVERY_WRITE("recovery:write"),
    TOKENS_WRITE("tokens:write"),
    METRICS_READ("metrics:read"),
    SECRETS_READ("secrets:read"),
    SECRETS_WRITE("secrets:write"),
    /** Initialise, unseal and seal the vault: apart from writing, so a CI token that writes cannot seal. */
    SECRETS_SEAL("secrets:seal");

    private static final int MAX_ECHOED_LENGTH = 40;

    private final String wireName;

    ApiScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * The scope with this wire name, e.g. {@code catalog:read}; surrounding spaces are ignored, case is not.
     *
     * @throws IllegalArgumentException naming the scopes that exist
     */
    public static ApiScope parse(String wireName) {
        String trimmed = wireName.strip();
        for (ApiScope scope : values()) {
            if (scope.wireName.equals(trimmed)) {
                return scope;
            }
        }
        String shown = trimmed.length() > MAX_ECHOED_LENGTH ? trimmed.substring(0, MAX_ECHOED_LENGTH) + "..." : trimmed;
        throw new IllegalArgumentException("unknown API scope '" + shown + "'; known scopes: "
                + Arrays.stream(values()).map(ApiScope::wireName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
