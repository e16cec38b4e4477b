package dev.gantry.recovery;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;

/** Ed25519 signatures over backup manifests, with the JDK's own provider. */
public final class ManifestSigning {

    private ManifestSigning() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    public static SignedManifest sign(BackupManifest manifest, PrivateKey key) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(manifest.canonicalBytes());
            return new SignedManifest(manifest, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the manifest of " + manifest.archiveName() + " failed", e);
        }
    }

    /** SHA-256 of the key's X.509 encoding, in hex: how a signing key is named to people and in an escrow. */
    public static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    public static void verify(SignedManifest signed, PublicKey key) throws ManifestSignatureException {
        boolean valid;
        try {
            var verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(signed.manifest().canonicalBytes());
            valid = verifier.verify(signed.signature());
        } catch (GeneralSecurityException e) {
            valid = false;
        }
        if (!valid) {
            throw new ManifestSignatureException("the manifest of " + signed.manifest().archiveName()
                    + " does not carry a valid signature for the given public key");
        }
    }
}
