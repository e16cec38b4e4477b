package dev.gantry.access;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

public record UserView(UUID id, String username, String displayName, @Nullable String email, AccountKind kind,
                       boolean enabled, boolean mustChangePassword, @Nullable Instant lockedUntil,
                       Instant createdAt, @Nullable Instant lastSignInAt) {
}
