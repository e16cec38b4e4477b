package dev.gantry.recovery.internal.drill;

import dev.gantry.recovery.BackupKey;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupReader;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.internal.Workbench;
import java.io.IOException;
import java.io.InputStream;
import java.security.PublicKey;
import java.util.List;

/** Opens a point's archive from the first of its locations that has a sound copy. */
public final class Archives {

    private Archives() {
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
