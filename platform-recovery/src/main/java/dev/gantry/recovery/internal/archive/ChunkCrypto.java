package dev.gantry.recovery.internal.archive;

import dev.gantry.recovery.BackupKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM per chunk under a key derived for one archive. Deriving a key per archive (HMAC-SHA256 of the
 * backup key over the random archive id) means nonces only need to be unique within an archive, where the chunk
 * index makes them so; a random 32-bit prefix alone would collide across archives after ~65k backups.
 * Safe to use from several threads at once (chunks are sealed and opened on {@link ArchiveWorkers}): a call borrows
 * an idle {@link Cipher} of this archive or makes one, so no Cipher, and no key schedule, outlives the archive.
 */
final class ChunkCrypto {

    static final int TAG_BYTES = 16;
    static final byte DATA = 0;
    static final byte FINAL = 1;

    private final SecretKey archiveKey;
    private final byte[] noncePrefix;
    private final byte[] headerDigest;
    /** At most one per thread using this archive at the same time; each is re-initialised for every chunk. */
    private final ConcurrentLinkedQueue<Cipher> idleCiphers = new ConcurrentLinkedQueue<>();

    ChunkCrypto(BackupKey key, ArchiveHeader header, byte[] headerBytes) {
        this.archiveKey = new SecretKeySpec(derive(key, header.archiveId(), "gantry-backup-v1 chunk key"), "AES");
        this.noncePrefix = header.noncePrefix();
        this.headerDigest = sha256(headerBytes);
    }

    /** A value that tells a wrong key from a damaged chunk without revealing anything about the key. */
    static byte[] keyCheck(BackupKey key, byte[] archiveId) {
        return Arrays.copyOf(derive(key, archiveId, "gantry-backup-v1 key check"), ArchiveHeader.KEY_CHECK_BYTES);
    }

    int seal(long index, byte flag, byte[] plain, int length, byte[] out) throws GeneralSecurityException {
        Cipher cipher = init(Cipher.ENCRYPT_MODE, index, flag);
        try {
            return cipher.doFinal(plain, 0, length, out, 0);
        } finally {
            idleCiphers.add(cipher);
        }
    }

    int open(long index, byte flag, byte[] sealed, int length, byte[] out) throws GeneralSecurityException {
        Cipher cipher = init(Cipher.DECRYPT_MODE, index, flag);
        try {
            return cipher.doFinal(sealed, 0, length, out, 0);
        } finally {
            idleCiphers.add(cipher);
        }
    }

    private Cipher init(int mode, long index, byte flag) throws GeneralSecurityException {
        Cipher idle = idleCiphers.poll();
        Cipher cipher = idle != null ? idle : Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = ByteBuffer.allocate(12).put(noncePrefix).putLong(index).array();
        cipher.init(mode, archiveKey, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(ByteBuffer.allocate(32 + 8 + 1).put(headerDigest).putLong(index).put(flag).array());
        return cipher;
    }

    private static byte[] derive(BackupKey key, byte[] archiveId, String purpose) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secretKey().getEncoded(), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(archiveId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
