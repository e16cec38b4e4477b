package dev.gantry.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.gantry.domain.Role;

/**
 * Who signed in and what they hold. The web layer turns this into authorities; {@code securityStamp} lets it end
 * sessions that began before the account was disabled or its password changed.
 */
public record SignedInUser(UUID id, String username, String displayName, long securityStamp,
                           Set<Role> globalRoles, Map<String, Set<Role>> teamRoles, boolean mustChangePassword) {

    public SignedInUser {
        globalRoles = Set.copyOf(globalRoles);
        teamRoles = Map.copyOf(teamRoles);
    }

    public boolean holds(Role role) {
        return globalRoles.contains(role);
    }
}
