package dev.gantry.recovery;

import java.io.IOException;

/** A backup manifest is malformed or its signature does not verify with the given public key. */
public class ManifestSignatureException extends IOException {

    public ManifestSignatureException(String message) {
        super(message);
    }
}
