package dev.gantry.secrets;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value as characters, never a {@link String}: it can be wiped, and {@link #toString()} hides it, so it
 * cannot slip into a log, an exception or an audit entry by accident.
 */
public final class SecretValue {

    public static final int MAX_BYTES = 64 * 1024;

    private final char[] chars;

    private SecretValue(char[] chars) {
        this.chars = chars;
    }

    /** Copies {@code chars}; the caller may wipe its array afterwards. */
    public static SecretValue of(char[] chars) {
        return new SecretValue(chars.clone());
    }

    /** A copy of the value. Wipe it when done. */
    public char[] chars() {
        return chars.clone();
    }

    public int length() {
        return chars.length;
    }

    /** Overwrites the value in memory. */
    public void wipe() {
        Arrays.fill(chars, '\0');
    }

    /** UTF-8 bytes for encryption; the caller wipes them. */
    public byte[] utf8() {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOfRange(encoded.array(), encoded.position(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }

    public static SecretValue fromUtf8(byte[] bytes) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] chars = Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        Arrays.fill(decoded.array(), '\0');
        return new SecretValue(chars);
    }

    /** Compares in constant time for equal lengths. */
    public boolean sameAs(SecretValue other) {
        byte[] mine = utf8();
        byte[] theirs = other.utf8();
        try {
            return java.security.MessageDigest.isEqual(mine, theirs);
        } finally {
            Arrays.fill(mine, (byte) 0);
            Arrays.fill(theirs, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "SecretValue[hidden]";
    }
}
