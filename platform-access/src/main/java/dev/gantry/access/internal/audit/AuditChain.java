package dev.gantry.access.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of an entry: {@code SHA-256(previous hash || canonical bytes)}. The canonical bytes are the fields
 * (sequence number, time, actor, action, target, outcome, details) each as a 4-byte big-endian length followed by
 * its UTF-8 bytes, so no two different entries share a byte string. Changing this breaks every stored chain.
 */
public final class AuditChain {

    public static final String GENESIS_HASH = "0".repeat(64);

    /** Fixed width, UTC: the same instant always hashes the same, whatever the database or the JVM zone. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final HexFormat HEX = HexFormat.of();

    /** Verification hashes every entry: one digest per thread instead of a provider look-up per entry. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(AuditChain::sha256);

    private AuditChain() {
    }

    /** Databases keep microseconds (PostgreSQL rounds finer values), so only microseconds are hashed and stored. */
    public static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(Instant time) {
        return TIME.format(time);
    }

    public static String hash(String previousHash, long seq, Instant time, String actor, String action,
                              String target, String outcome, String details) {
        var digest = DIGEST.get();
        digest.reset();
        digest.update(HEX.parseHex(previousHash));
        field(digest, Long.toString(seq));
        field(digest, format(time));
        field(digest, actor);
        field(digest, action);
        field(digest, target);
        field(digest, outcome);
        field(digest, details);
        return HEX.formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        var length = bytes.length;
        digest.update((byte) (length >>> 24));
        digest.update((byte) (length >>> 16));
        digest.update((byte) (length >>> 8));
        digest.update((byte) length);
        digest.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
