package dev.gantry.recovery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;

/** A manifest with its Ed25519 signature over {@link BackupManifest#canonicalBytes()}. */
public record SignedManifest(BackupManifest manifest, byte[] signature) {

    private static final int MAX_BYTES = 4096;
    private static final List<String> FIELDS = List.of("archive", "archive-id", "key-id", "created-at",
            "plaintext-bytes", "plaintext-sha256", "archive-bytes", "archive-sha256", "signature");

    public SignedManifest {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    public String fileName() {
        return manifest.archiveName() + ".manifest";
    }

    public byte[] toBytes() {
        String signatureLine = "signature=" + Base64.getEncoder().encodeToString(signature) + "\n";
        byte[] body = manifest.canonicalBytes();
        byte[] tail = signatureLine.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[body.length + tail.length];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(tail, 0, all, body.length, tail.length);
        return all;
    }

    /** Parses strictly; the signature is checked separately by {@link ManifestSigning#verify}. */
    public static SignedManifest parse(byte[] bytes) throws ManifestSignatureException {
        if (bytes.length > MAX_BYTES) {
            throw new ManifestSignatureException("manifest of " + bytes.length + " bytes exceeds " + MAX_BYTES);
        }
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length != FIELDS.size() + 2 || !lines[0].equals(BackupManifest.FORMAT) || !lines[lines.length - 1].isEmpty()) {
            throw new ManifestSignatureException("not a Gantry backup manifest (format 1)");
        }
        var values = new LinkedHashMap<String, String>();
        for (int i = 0; i < FIELDS.size(); i++) {
            String prefix = FIELDS.get(i) + "=";
            if (!lines[i + 1].startsWith(prefix)) {
                throw new ManifestSignatureException("manifest line " + (i + 2) + " should start with " + prefix);
            }
            values.put(FIELDS.get(i), lines[i + 1].substring(prefix.length()));
        }
        try {
            var manifest = new BackupManifest(values.get("archive"), values.get("archive-id"), values.get("key-id"),
                    Instant.parse(values.get("created-at")), Long.parseLong(values.get("plaintext-bytes")),
                    values.get("plaintext-sha256"), Long.parseLong(values.get("archive-bytes")),
                    values.get("archive-sha256"));
            return new SignedManifest(manifest, Base64.getDecoder().decode(values.get("signature")));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new ManifestSignatureException("malformed manifest field: " + e.getMessage());
        }
    }
}
