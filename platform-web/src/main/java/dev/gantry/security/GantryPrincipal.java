package dev.gantry.security;

import java.io.Serializable;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The session's principal. Holds no secret: the password never outlives the authentication request.
 * {@code securityStamp} is compared with the account's on each request, so disabling an account or changing its
 * password ends its sessions on every node.
 */
public record GantryPrincipal(UUID userId, String username, String displayName, long securityStamp,
                              SignInStage stage) implements AuthenticatedPrincipal, Serializable {

    /** What Spring Security and the audit trail name the caller: the user name. */
    @Override
    public String getName() {
        return username;
    }

    public GantryPrincipal at(SignInStage next) {
        return new GantryPrincipal(userId, username, displayName, securityStamp, next);
    }

    public GantryPrincipal withStamp(long stamp) {
        return new GantryPrincipal(userId, username, displayName, stamp, stage);
    }

    @Override
    public String toString() {
        return username;
    }
}
