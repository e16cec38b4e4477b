package dev.gantry.access;

import dev.gantry.domain.Role;

/**
 * Authority names beyond {@code ROLE_*}. A team-scoped grant becomes {@code TEAM:<slug>:<ROLE>}, so it never passes
 * a global role check; {@link #SIGNED_IN} marks a sign-in that completed every step (password change, MFA).
 */
public final class Authorities {

    public static final String SIGNED_IN = "SIGNED_IN";

    private Authorities() {
    }

    public static String teamRole(String teamSlug, Role role) {
        return "TEAM:" + teamSlug + ":" + role.name();
    }
}
