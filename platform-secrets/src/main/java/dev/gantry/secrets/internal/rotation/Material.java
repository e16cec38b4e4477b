package dev.gantry.secrets.internal.rotation;

import dev.gantry.secrets.SecretValue;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a rotation starts from: the CURRENT value (empty if deleted or destroyed), the pending candidate's value if
 * a candidate is in flight, and the stored step.
 */
public record Material(String path, long currentVersion, @Nullable Instant currentSince,
        Optional<SecretValue> current, @Nullable Long pendingLabel, Optional<SecretValue> pending,
        @Nullable RotationStep step, @Nullable Long pendingVersion, @Nullable String rotator) {

    public void wipe() {
        current.ifPresent(SecretValue::wipe);
        pending.ifPresent(SecretValue::wipe);
    }
}
