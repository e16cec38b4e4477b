package dev.gantry.secrets;

import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.policy.Access;
import dev.gantry.secrets.internal.policy.BuiltinPolicies;
import dev.gantry.secrets.internal.policy.CompiledPolicy;
import dev.gantry.secrets.internal.policy.PolicyCache;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what with which secret: the caller's policies evaluated on the path, inside the service so that a
 * denial is audited with the path it was about. Deny by default; a matching deny rule wins over every grant.
 *
 * <p>The caller's policies: for a {@link VaultTokenAuthentication}, the token's; for a person, the built-in policies
 * their roles imply ({@link BuiltinPolicies}), the policies granted to each team they belong to (any authority
 * {@code TEAM:<slug>:<ROLE>}), and the policies granted to them by name once their sign-in is complete
 * ({@code SIGNED_IN}). A sign-in still in progress ({@code SIGN_IN_PENDING}) holds none.
 */
@Component
class SecretPermissions {

    /** Authority names of platform-access's {@code Authorities} and the web layer's sign-in steps. */
    static final String SIGNED_IN = "SIGNED_IN";
    static final String SIGN_IN_PENDING = "SIGN_IN_PENDING";
    static final String TEAM_AUTHORITY_PREFIX = "TEAM:";

    enum Operation {
        READ("secret.read", SecretCapability.READ),
        WRITE("secret.written", SecretCapability.WRITE),
        DELETE("secret.deleted", SecretCapability.DELETE),
        UNDELETE("secret.undeleted", SecretCapability.DELETE),
        ROLLBACK("secret.rolled-back", SecretCapability.ROLLBACK),
        ROTATE("secret.rotation.requested", SecretCapability.ROTATE),
        DESTROY("secret.destroyed", SecretCapability.ADMIN),
        CONFIGURE("secret.configured", SecretCapability.ADMIN),
        LIST("secret.listed", SecretCapability.LIST);

        final String action;
        final SecretCapability capability;

        Operation(String action, SecretCapability capability) {
            this.action = action;
            this.capability = capability;
        }
    }

    private final PolicyCache policies;
    private final AuditTrail audit;

    SecretPermissions(PolicyCache policies, AuditTrail audit) {
        this.policies = policies;
        this.audit = audit;
    }

    /** @throws AccessDeniedException after auditing the denial; callers' transactions must not roll that back */
    void require(Operation operation, String canonicalPath, String pathHmac) {
        Denial denial = check(operation, canonicalPath, pathHmac);
        if (denial != null) {
            audit.record(denial.entry());
            throw denial.exception();
        }
    }

    /** The denial to audit and throw, or null if the caller may do {@code operation}; audits nothing itself. */
    @Nullable Denial check(Operation operation, String canonicalPath, String pathHmac) {
        Access access = caller().accessTo(canonicalPath);
        if (access.allows(operation.capability)) {
            return null;
        }
        String reason = ReservedPaths.DENIED_BY.equals(access.deniedBy())
                ? "the path is reserved for Gantry"
                : access.deniedBy() != null
                ? "denied by policy " + access.deniedBy()
                : "no policy grants " + operation.capability.wireName();
        return new Denial(new AuditRecord(Actors.current("anonymous"), operation.action, "secret:" + canonicalPath,
                AuditOutcome.DENIED, Map.of(
                        "reason", reason,
                        "capability", operation.capability.wireName(),
                        "pathHmac", pathHmac)),
                "not allowed to " + operation.capability.wireName() + " " + canonicalPath);
    }

    /** A refused operation: the entry that records it and what the caller is told. */
    record Denial(AuditRecord entry, String message) {

        AccessDeniedException exception() {
            return new AccessDeniedException(message);
        }
    }

    /** The current caller's policies, resolved once: use it to check many paths, e.g. to filter a listing. */
    Caller caller() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof SystemAuthentication) {
            return new Caller(Set.of(), List.of(), true);
        }
        PolicyCache.Snapshot snapshot = policies.current();
        Set<String> names = policyNames(SecurityContextHolder.getContext().getAuthentication(), snapshot);
        List<CompiledPolicy> compiled = new ArrayList<>(names.size());
        for (String name : names) {
            snapshot.policy(name).ifPresent(compiled::add);
        }
        return new Caller(Collections.unmodifiableSet(names), List.copyOf(compiled), false);
    }

    /** Whether the caller may manage policies and others' tokens: a person with global SECRETS_ADMIN or ADMIN. */
    static boolean isAdministrator(@Nullable Authentication authentication) {
        if (!authenticated(authentication) || authentication instanceof VaultTokenAuthentication) {
            return false;
        }
        Set<String> held = authorities(authentication);
        return !held.contains(SIGN_IN_PENDING)
                && (held.contains(Role.SECRETS_ADMIN.authority()) || held.contains(Role.ADMIN.authority()));
    }

    /** A person (not a vault token) whose sign-in is not still in progress. */
    static boolean signedInPerson(@Nullable Authentication authentication) {
        return authenticated(authentication) && !(authentication instanceof VaultTokenAuthentication)
                && !authorities(authentication).contains(SIGN_IN_PENDING);
    }

    static Set<String> policyNames(@Nullable Authentication authentication, PolicyCache.Snapshot snapshot) {
        if (!authenticated(authentication)) {
            return Set.of();
        }
        if (authentication instanceof VaultTokenAuthentication token) {
            return new TreeSet<>(token.policies());
        }
        Set<String> held = authorities(authentication);
        if (held.contains(SIGN_IN_PENDING)) {
            return Set.of();
        }
        Set<String> names = new TreeSet<>();
        if (held.contains(Role.SECRETS_ADMIN.authority())) {
            names.add(BuiltinPolicies.SECRETS_ADMIN);
        }
        for (String authority : held) {
            int roleAt = authority.lastIndexOf(':');
            if (authority.startsWith(TEAM_AUTHORITY_PREFIX) && roleAt > TEAM_AUTHORITY_PREFIX.length()) {
                String team = authority.substring(TEAM_AUTHORITY_PREFIX.length(), roleAt);
                names.addAll(BuiltinPolicies.forTeamRole(team, authority.substring(roleAt + 1)));
                names.addAll(snapshot.grantedToTeam(team));
            }
        }
        if (held.contains(SIGNED_IN)) {
            names.addAll(snapshot.grantedToUser(authentication.getName()));
        }
        return names;
    }

    private static boolean authenticated(@Nullable Authentication authentication) {
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static Set<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
    }

    /**
     * A caller's policies by name and compiled; names of policies that no longer exist grant nothing.
     *
     * @param system Gantry itself ({@link SystemSecrets}): it reads any path and keeps the reserved ones, which are
     *               closed to every other caller whatever their policies grant
     */
    record Caller(Set<String> policyNames, List<CompiledPolicy> policies, boolean system) {

        private static final Set<SecretCapability> SYSTEM_ON_RESERVED =
                EnumSet.of(SecretCapability.READ, SecretCapability.WRITE, SecretCapability.LIST);

        Access accessTo(String canonicalPath) {
            if (ReservedPaths.isReserved(canonicalPath)) {
                return system ? new Access(SYSTEM_ON_RESERVED, null) : new Access(Set.of(), ReservedPaths.DENIED_BY);
            }
            if (system) {
                return new Access(EnumSet.of(SecretCapability.READ), null);
            }
            return Access.evaluate(policies, canonicalPath);
        }

        boolean allows(SecretCapability capability, String canonicalPath) {
            return accessTo(canonicalPath).allows(capability);
        }
    }
}
