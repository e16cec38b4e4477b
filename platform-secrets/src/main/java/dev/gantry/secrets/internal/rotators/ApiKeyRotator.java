package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code api-key}: a random key, {@code prefix} followed by {@code bytes} random bytes (16-64, default 32) as
 * {@code base64url} (default) or {@code hex}. Kept in the vault only; the test checks its shape.
 */
@Component
class ApiKeyRotator implements Rotator {

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,16}");

    enum Encoding { BASE64URL, HEX }

    private final SecureRandom random = new SecureRandom();

    @Override
    public String kind() {
        return "api-key";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(Set.of("prefix", "bytes", "encoding"));
        prefix(parameters);
        parameters.integer("bytes", 32, 16, 64);
        parameters.choice("encoding", Encoding.class, Encoding.BASE64URL);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        RotatorParameters parameters = context.parameters();
        byte[] key = new byte[parameters.integer("bytes", 32, 16, 64)];
        random.nextBytes(key);
        try {
            String encoded = encode(parameters.choice("encoding", Encoding.class, Encoding.BASE64URL), key);
            return SecretValue.of((prefix(parameters) + encoded).toCharArray());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        // The vault is the only place it lives.
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        RotatorParameters parameters = context.parameters();
        String prefix = prefix(parameters);
        String value = new String(credential.chars());
        if (!value.startsWith(prefix)) {
            throw new RotationStepException("the key does not start with its prefix");
        }
        String body = value.substring(prefix.length());
        int bytes = parameters.integer("bytes", 32, 16, 64);
        try {
            byte[] decoded = parameters.choice("encoding", Encoding.class, Encoding.BASE64URL) == Encoding.HEX
                    ? HexFormat.of().parseHex(body) : Base64.getUrlDecoder().decode(body);
            if (decoded.length != bytes) {
                throw new RotationStepException("the key holds " + decoded.length + " bytes, not " + bytes);
            }
            Arrays.fill(decoded, (byte) 0);
        } catch (IllegalArgumentException malformed) {
            throw new RotationStepException("the key is not in its encoding");
        }
    }

    private static String encode(Encoding encoding, byte[] key) {
        return encoding == Encoding.HEX ? HexFormat.of().formatHex(key)
                : Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    private static String prefix(RotatorParameters parameters) {
        String prefix = parameters.string("prefix", "");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException(RotatorParameters.field("prefix"),
                    "up to 16 letters, digits, underscores or hyphens");
        }
        return prefix;
    }
}
