package dev.gantry.access.internal.identity;

import dev.gantry.access.UserView;

public final class IdentityViews {

    private IdentityViews() {
    }

    public static UserView of(UserAccount u) {
        return new UserView(u.id(), u.username(), u.displayName(), u.email(), u.kind(), u.enabled(),
                u.mustChangePassword(), u.lockedUntil(), u.createdAt(), u.lastSignInAt());
    }
}
