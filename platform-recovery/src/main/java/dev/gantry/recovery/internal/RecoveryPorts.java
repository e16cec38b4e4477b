package dev.gantry.recovery.internal;

import dev.gantry.recovery.BackupKeys;
import dev.gantry.recovery.BackupRetention;
import dev.gantry.recovery.RecoveryPolicy;
import dev.gantry.recovery.SourceCredentials;
import dev.gantry.recovery.internal.keys.FileBackupKeys;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The ports the application may implement, each with the module's own fallback when it does not: configured
 * passwords, key files under the data directory, no policy defaults, no retention.
 */
@Component
public class RecoveryPorts {

    private final SourceCredentials credentials;
    private final BackupKeys keys;
    private final ObjectProvider<RecoveryPolicy> policy;
    private final ObjectProvider<BackupRetention> retention;

    RecoveryPorts(ObjectProvider<SourceCredentials> credentials, ObjectProvider<BackupKeys> keys,
            ObjectProvider<RecoveryPolicy> policy, ObjectProvider<BackupRetention> retention,
            Environment environment, RecoverySettings settings) {
        this.credentials = credentials.getIfAvailable(() -> new ConfiguredCredentials(environment));
        this.keys = keys.getIfAvailable(() -> new FileBackupKeys(settings.keyDirectory()));
        this.policy = policy;
        this.retention = retention;
    }

    public SourceCredentials credentials() {
        return credentials;
    }

    public BackupKeys keys() {
        return keys;
    }

    /** Looked up at each use, so a pack the application reloads is seen at once. */
    public RecoveryPolicy policy() {
        return policy.getIfAvailable(RecoveryPolicy::none);
    }

    public Optional<BackupRetention> retention() {
        return Optional.ofNullable(retention.getIfAvailable());
    }
}
