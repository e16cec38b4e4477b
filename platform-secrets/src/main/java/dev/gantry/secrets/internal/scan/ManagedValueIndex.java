package dev.gantry.secrets.internal.scan;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints of the values the vault manages, to recognise one of them in a repository without comparing
 * plaintext: each current value is HMACed with a key made for this one scan and never stored, and each candidate
 * from the repository is HMACed with the same key and looked up. The index holds fingerprints and paths only.
 */
public final class ManagedValueIndex {

    /** Shorter values would match ordinary words; they are not fingerprinted. */
    public static final int MIN_LENGTH = 8;
    private static final int MIN_LINE_LENGTH = 20;

    private final byte[] key = new byte[32];
    private final Map<String, String> pathByFingerprint = new HashMap<>();

    public ManagedValueIndex(SecureRandom random) {
        random.nextBytes(key);
    }

    /**
     * Adds the value of the secret at {@code path}. A multi-line value (a PEM key, a certificate) is also indexed
     * line by line, since a repository is scanned a line at a time; armour lines are left out, being the same in
     * every such value.
     */
    public void add(String path, char[] value) {
        String text = new String(value);
        if (text.strip().length() >= MIN_LENGTH) {
            pathByFingerprint.putIfAbsent(fingerprint(text.strip()), path);
        }
        if (text.indexOf('\n') >= 0) {
            for (String line : text.split("\r?\n")) {
                String trimmed = line.strip();
                if (trimmed.length() >= MIN_LINE_LENGTH && !trimmed.startsWith("-----")) {
                    pathByFingerprint.putIfAbsent(fingerprint(trimmed), path);
                }
            }
        }
    }

    public int size() {
        return pathByFingerprint.size();
    }

    /** The path of the managed secret whose value {@code candidate} is, if any. */
    public Optional<String> pathOf(String candidate) {
        if (candidate.length() < MIN_LENGTH || pathByFingerprint.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(pathByFingerprint.get(fingerprint(candidate)));
    }

    /** Forgets the key, so the fingerprints can no longer be matched against anything. */
    public void close() {
        Arrays.fill(key, (byte) 0);
        pathByFingerprint.clear();
    }

    private String fingerprint(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ManagedValueIndex[" + pathByFingerprint.size() + " fingerprints]";
    }
}
