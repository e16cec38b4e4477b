package dev.gantry.secrets.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed HMAC of a secret's path for audit entries: it lets an auditor with the key match entries to a path
 * without the trail being a dictionary of paths to guess from. The key is derived from the first root key, so it
 * survives root key rotation.
 */
public final class PathHmac {

    private final SecretKey key;

    private PathHmac(SecretKey key) {
        this.key = key;
    }

    public static PathHmac derivedFrom(SecretKey firstRootKey) {
        return new PathHmac(new SecretKeySpec(hmac(firstRootKey, "gantry-secret-path-hmac/v1"), "HmacSHA256"));
    }

    public String of(String path) {
        return HexFormat.of().formatHex(hmac(key, path));
    }

    private static byte[] hmac(SecretKey key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PathHmac[key hidden]";
    }
}
