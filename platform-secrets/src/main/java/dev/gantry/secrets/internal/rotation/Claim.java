package dev.gantry.secrets.internal.rotation;

import java.util.UUID;

/** This node's hold on one secret's rotation, until {@code claimed_until}; other nodes leave the secret alone. */
public record Claim(UUID secretId, String path, String token) {
}
