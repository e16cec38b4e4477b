package dev.gantry.ui.recovery;

import java.util.List;

import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSealedException;

/**
 * The vault paths the signed-in person may read, to offer as a plan's database password: only paths, never a value,
 * and the same check the recovery module makes again when the plan is saved.
 */
final class ReadableSecrets {

    private static final int AT_MOST = 500;

    private ReadableSecrets() {
    }

    static List<String> of(SecretVault vault, SecretPolicies policies) {
        try {
            return vault.list("").stream().map(SecretMetadata::path)
                    .filter(path -> policies.capabilitiesOn(path).contains(SecretCapability.READ))
                    .limit(AT_MOST).toList();
        } catch (VaultSealedException sealed) {
            return List.of();
        }
    }
}
