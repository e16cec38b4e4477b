package dev.gantry.secrets;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A rotation finished: {@code version} is CURRENT, {@code previousVersion} PREVIOUS. */
public record SecretRotated(String path, long version, @Nullable Long previousVersion, Instant completedAt,
        @Nullable String rule) {
}
