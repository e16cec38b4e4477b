package dev.gantry.access.internal.audit;

import dev.gantry.access.AuditCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Ed25519 key pair that signs checkpoints, kept as PEM files (PKCS#8 private, X.509 public) in the key
 * directory and generated on first use. The private key file is created owner-only where the file system has
 * POSIX permissions; elsewhere the directory's own protection is all there is.
 */
@Component
public class CheckpointKeys {

    static final String PRIVATE_KEY_FILE = "audit-checkpoint-ed25519.key";
    static final String PUBLIC_KEY_FILE = "audit-checkpoint-ed25519.pub";

    private static final Logger log = LoggerFactory.getLogger(CheckpointKeys.class);
    private static final String ALGORITHM = "Ed25519";

    private final Path directory;
    private @Nullable Loaded loaded;

    public CheckpointKeys(@Value("${gantry.keys.dir:./data/keys}") Path directory) {
        this.directory = directory;
    }

    public String keyId() {
        return keys().keyId();
    }

    public AuditCheckpoint sign(long seq, String hash, Instant time) {
        var keys = keys();
        try {
            var signer = Signature.getInstance(ALGORITHM);
            signer.initSign(keys.pair().getPrivate());
            signer.update(signedBytes(seq, hash, time, keys.keyId()));
            var signature = Base64.getEncoder().encodeToString(signer.sign());
            return new AuditCheckpoint(seq, hash, time, signature, keys.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign an audit checkpoint", e);
        }
    }

    /** True only if this installation's key signed exactly these seq, hash, time and key id. */
    public boolean verifies(AuditCheckpoint checkpoint) {
        var keys = keys();
        if (!keys.keyId().equals(checkpoint.keyId())) {
            return false;
        }
        try {
            var verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(keys.pair().getPublic());
            verifier.update(signedBytes(checkpoint.seq(), checkpoint.hash(), checkpoint.time(), checkpoint.keyId()));
            return verifier.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** A label and line breaks around every field, so a signature over one statement fits no other. */
    private static byte[] signedBytes(long seq, String hash, Instant time, String keyId) {
        return ("gantry audit checkpoint v1\n" + seq + "\n" + hash + "\n" + AuditChain.format(time) + "\n" + keyId)
                .getBytes(StandardCharsets.UTF_8);
    }

    private synchronized Loaded keys() {
        if (loaded == null) {
            try {
                var pair = Files.exists(directory.resolve(PRIVATE_KEY_FILE)) ? read() : generate();
                loaded = new Loaded(pair, keyIdOf(pair.getPublic()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read or create the audit checkpoint key in " + directory, e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the audit checkpoint key in " + directory + " is unusable", e);
            }
        }
        return loaded;
    }

    private KeyPair read() throws IOException, GeneralSecurityException {
        var privateFile = directory.resolve(PRIVATE_KEY_FILE);
        warnIfReadableByOthers(privateFile);
        var factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pem(privateFile, "PRIVATE KEY")));
        PublicKey publicKey = factory.generatePublic(
                new X509EncodedKeySpec(pem(directory.resolve(PUBLIC_KEY_FILE), "PUBLIC KEY")));
        var pair = new KeyPair(publicKey, privateKey);
        requireMatching(pair);
        return pair;
    }

    /**
     * Public key first, private key last, each written whole under a temporary name and then renamed: a crash
     * leaves either no key or a complete pair, never a half-written private key that a restart would trust.
     */
    private KeyPair generate() throws IOException, GeneralSecurityException {
        var pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        createDirectory();
        write(directory.resolve(PUBLIC_KEY_FILE), toPem("PUBLIC KEY", pair.getPublic().getEncoded()), false);
        write(directory.resolve(PRIVATE_KEY_FILE), toPem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        log.info("Generated the audit checkpoint signing key {} in {}", keyIdOf(pair.getPublic()), directory);
        return pair;
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix()) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                            PosixFilePermission.OWNER_EXECUTE)));
        } else {
            Files.createDirectories(directory);
        }
    }

    private void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        var temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        FileAttribute<?>[] attributes = ownerOnly && posix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))}
                : new FileAttribute<?>[0];
        try (var channel = FileChannel.open(temporary,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            var buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private void warnIfReadableByOthers(Path privateFile) throws IOException {
        if (!posix()) {
            return;
        }
        var permissions = Files.getPosixFilePermissions(privateFile);
        if (permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            log.warn("The audit checkpoint key {} is readable by other users; restrict it to its owner", privateFile);
        }
    }

    private static void requireMatching(KeyPair pair) throws GeneralSecurityException {
        var probe = "gantry audit checkpoint key check".getBytes(StandardCharsets.UTF_8);
        var signer = Signature.getInstance(ALGORITHM);
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        var verifier = Signature.getInstance(ALGORITHM);
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        if (!verifier.verify(signer.sign())) {
            throw new GeneralSecurityException("the public and private audit checkpoint keys do not belong together");
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** A short stable name for the public key, so a checkpoint says which key made it. */
    private static String keyIdOf(PublicKey key) {
        return HexFormat.of().formatHex(AuditChain.sha256().digest(key.getEncoded()), 0, 8);
    }

    private static byte[] toPem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] pem(Path file, String type) throws IOException, GeneralSecurityException {
        var text = Files.readString(file, StandardCharsets.US_ASCII);
        var begin = "-----BEGIN " + type + "-----";
        var end = "-----END " + type + "-----";
        var from = text.indexOf(begin);
        var to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(file.getFileName() + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }

    private record Loaded(KeyPair pair, String keyId) {
        @Override
        public String toString() {
            return "Loaded[keyId=" + keyId + "]";
        }
    }
}
