package dev.gantry.recovery.internal.drill;

import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupLocation;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.ManifestSignatureException;
import dev.gantry.recovery.ManifestSigning;
import dev.gantry.recovery.SignedManifest;
import dev.gantry.recovery.internal.Workbench;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.List;

/** Opens a point's archive from the first of its locations that has a sound copy. */
public final class Archives {

    private Archives() {
    }

    /** Whether a key signed a point's manifest, as far as the copies that could be read tell. */
    public enum Signer { THIS_KEY, ANOTHER_KEY, UNREADABLE }

    /**
     * THIS_KEY when some copy's manifest verifies with {@code manifestKey}; ANOTHER_KEY when manifests were read and
     * none verifies; UNREADABLE when no manifest could be read at all (the restore itself will say why).
     */
    public static Signer signer(Workbench workbench, BackupPoint point, List<String> publishedTo,
            PublicKey manifestKey) {
        Signer found = Signer.UNREADABLE;
        for (String path : publishedTo) {
            SignedManifest signed;
            try (InputStream in = workbench.location(new LocationSpec.Directory(path))
                    .open(BackupLocation.checkName(point.archiveName()) + ".manifest")) {
                signed = SignedManifest.parse(in.readNBytes(8192));
            } catch (IOException | RuntimeException e) {
                continue;
            }
            try {
                ManifestSigning.verify(signed, manifestKey);
                return Signer.THIS_KEY;
            } catch (ManifestSignatureException e) {
                found = Signer.ANOTHER_KEY;
            }
        }
        return found;
    }

    public static RestoreRun.Opener opener(Workbench workbench, BackupPoint point, List<String> publishedTo,
            BackupKey key, PublicKey manifestKey) {
        return () -> {
            if (publishedTo.isEmpty()) {
                throw new IOException("backup " + point.archiveName() + " has no published copy");
            }
            IOException failure = null;
            for (String path : publishedTo) {
                try {
                    InputStream in = BackupReader.open(workbench.location(new LocationSpec.Directory(path)),
                            point.archiveName(), key, manifestKey);
                    return in;
                } catch (IOException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            throw failure;
        };
    }
}
