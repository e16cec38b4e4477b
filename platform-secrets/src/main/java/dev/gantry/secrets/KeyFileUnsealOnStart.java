package dev.gantry.secrets;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Unseals from the key file when Gantry starts, unless the vault is set to unseal with shares
 * ({@code gantry.secrets.unseal.mode=shamir}). The key file is the default: a single embedded node has nobody to
 * type shares in after a restart.
 */
@Component
class KeyFileUnsealOnStart {

    private final VaultSeal seal;
    private final String mode;
    private final Path keyFile;

    KeyFileUnsealOnStart(VaultSeal seal, @Value("${gantry.secrets.unseal.mode:key-file}") String mode,
            @Value("${gantry.secrets.unseal.key-file:data/keys/secrets-unseal.key}") Path keyFile) {
        this.seal = seal;
        this.mode = mode;
        this.keyFile = keyFile;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void unseal() {
        if ("key-file".equals(mode)) {
            seal.unsealFromKeyFile(keyFile);
        }
    }
}
