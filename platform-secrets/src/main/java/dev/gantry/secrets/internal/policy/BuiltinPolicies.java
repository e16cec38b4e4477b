package dev.gantry.secrets.internal.policy;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.SecretCapability;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The policies that roles imply, so that nobody has to write them: they are code, not rows, and their names carry a
 * {@code builtin:} prefix with colons, which stored policy names can never hold.
 *
 * <ul>
 *   <li>{@code builtin:secrets-admin}: {@code ** admin}, held with the global role {@code SECRETS_ADMIN}.</li>
 *   <li>{@code builtin:team-viewer:<team>}: {@code <team>/** list}, held by every member of the team, whatever
 *       their team role.</li>
 *   <li>{@code builtin:team-engineer:<team>}: {@code <team>/** read,write,list,delete,rollback,rotate}, held with
 *       the team role {@code ENGINEER}.</li>
 *   <li>{@code builtin:team-secrets-admin:<team>}: {@code <team>/** admin}, held with the team role
 *       {@code SECRETS_ADMIN}.</li>
 * </ul>
 *
 * Like stored policies, they can be put on vault tokens by whoever holds them.
 */
public final class BuiltinPolicies {

    public static final String PREFIX = "builtin:";
    public static final String SECRETS_ADMIN = PREFIX + "secrets-admin";
    private static final String TEAM_VIEWER = PREFIX + "team-viewer:";
    private static final String TEAM_ENGINEER = PREFIX + "team-engineer:";
    private static final String TEAM_SECRETS_ADMIN = PREFIX + "team-secrets-admin:";

    private static final Set<SecretCapability> ENGINEER_CAPABILITIES = EnumSet.of(SecretCapability.READ,
            SecretCapability.WRITE, SecretCapability.LIST, SecretCapability.DELETE, SecretCapability.ROLLBACK,
            SecretCapability.ROTATE);

    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_MEMOISED = 10_000;
    private static final Map<String, Optional<CompiledPolicy>> COMPILED = new ConcurrentHashMap<>();

    private BuiltinPolicies() {
    }

    public static boolean isBuiltin(String name) {
        return name.startsWith(PREFIX);
    }

    /** The built-in policies a team role implies: every member sees the list, engineers and admins more. */
    public static List<String> forTeamRole(String team, String role) {
        return switch (role) {
            case "ENGINEER" -> List.of(TEAM_VIEWER + team, TEAM_ENGINEER + team);
            case "SECRETS_ADMIN" -> List.of(TEAM_VIEWER + team, TEAM_SECRETS_ADMIN + team);
            default -> List.of(TEAM_VIEWER + team);
        };
    }

    /** The compiled built-in policy of that name, or empty if there is none (e.g. a team name no glob accepts). */
    public static Optional<CompiledPolicy> find(String name) {
        if (!isBuiltin(name)) {
            return Optional.empty();
        }
        Optional<CompiledPolicy> cached = COMPILED.get(name);
        if (cached != null) {
            return cached;
        }
        Optional<CompiledPolicy> compiled = compile(name);
        // Names also come from requests (a token asking for builtin:team-viewer:<anything>), so the memo is bounded.
        if (COMPILED.size() >= MAX_MEMOISED) {
            COMPILED.clear();
        }
        COMPILED.put(name, compiled);
        return compiled;
    }

    private static Optional<CompiledPolicy> compile(String name) {
        if (name.equals(SECRETS_ADMIN)) {
            return rule(name, "**", EnumSet.of(SecretCapability.ADMIN));
        }
        if (name.startsWith(TEAM_VIEWER)) {
            return teamRule(name, TEAM_VIEWER, EnumSet.of(SecretCapability.LIST));
        }
        if (name.startsWith(TEAM_ENGINEER)) {
            return teamRule(name, TEAM_ENGINEER, ENGINEER_CAPABILITIES);
        }
        if (name.startsWith(TEAM_SECRETS_ADMIN)) {
            return teamRule(name, TEAM_SECRETS_ADMIN, EnumSet.of(SecretCapability.ADMIN));
        }
        return Optional.empty();
    }

    private static Optional<CompiledPolicy> teamRule(String name, String prefix, Set<SecretCapability> capabilities) {
        String team = name.substring(prefix.length());
        // A team authority that is not a plain slug (a glob character, a slash) must not widen into other paths.
        if (!TEAM.matcher(team).matches()) {
            return Optional.empty();
        }
        return rule(name, team + "/**", capabilities);
    }

    private static Optional<CompiledPolicy> rule(String name, String glob, Set<SecretCapability> capabilities) {
        try {
            return Optional.of(new CompiledPolicy(name, List.of(
                    new CompiledRule(PathGlob.parse("policy", glob), capabilities))));
        } catch (InvalidInputException notATeamName) {
            return Optional.empty();
        }
    }
}
