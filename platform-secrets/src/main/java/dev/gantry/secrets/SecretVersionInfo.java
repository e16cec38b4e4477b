package dev.gantry.secrets;

import java.time.Instant;

/** One version's history, without its value. */
public record SecretVersionInfo(long version, VersionState state, Instant createdAt, String createdBy) {
}
