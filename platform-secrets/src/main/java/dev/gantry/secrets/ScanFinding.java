package dev.gantry.secrets;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A leaked secret found in a repository's history: where, by which rule, and a redacted preview (never the value).
 * Allow it by {@code fingerprint}, a SHA-256 of {@code commit:file:rule:line}.
 *
 * @param managedPath for rule {@code gantry-managed-value}: the vault path whose current value was found, which
 *                    should be rotated; null for other rules
 */
public record ScanFinding(UUID id, UUID runId, String fingerprint, String rule, String commit, String file, int line,
        String preview, @Nullable String managedPath, String author, Instant committedAt) {
}
