package dev.gantry.secrets;

/**
 * Paths the vault keeps for Gantry's own keys: the backup keys, everything under {@value #PREFIX}. No person, team
 * or vault token reaches them, whatever their policies say (not even the built-in secrets administrator's
 * {@code **}); only {@link SystemSecrets} does, so a policy cannot hand out the keys that open every backup, and
 * nobody can plant a key of their own there. (The rotation's internal CA under {@code gantry/pki/} is not reserved:
 * secrets administrators manage it like any secret.)
 */
public final class ReservedPaths {

    public static final String PREFIX = "gantry/recovery/";

    /** The name a denial is attributed to in the audit trail; the {@code builtin:} prefix no stored policy has. */
    static final String DENIED_BY = "builtin:reserved-for-gantry";

    private ReservedPaths() {
    }

    /** @param canonicalPath a path as {@link SecretPath#toString()} writes it */
    public static boolean isReserved(String canonicalPath) {
        return canonicalPath.startsWith(PREFIX);
    }
}
