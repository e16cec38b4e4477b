package dev.gantry.access;

import java.time.Instant;
import java.util.UUID;

import dev.gantry.domain.Role;
import org.jspecify.annotations.Nullable;

/** A role held by a user, globally ({@code teamSlug} null) or within one team. */
public record GrantView(UUID id, String username, Role role, @Nullable String teamSlug, String grantedBy,
                        Instant grantedAt) {

    public String scope() {
        return teamSlug == null ? "global" : "team " + teamSlug;
    }
}
