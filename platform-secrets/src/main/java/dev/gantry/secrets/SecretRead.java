package dev.gantry.secrets;

import java.time.Instant;

/** A secret version as read; the value prints as hidden. */
public record SecretRead(String path, long version, SecretValue value, Instant createdAt) {
}
