package dev.gantry.secrets;

/**
 * The staging labels of a secret's versions, as rotation moves them. Each sits on at most one version and a version
 * holds at most one of them. Readers of "the secret" get {@link #CURRENT}, never a {@link #PENDING} candidate.
 */
public enum StageLabel {
    /** What every reader gets. */
    CURRENT,
    /** A rotation candidate: written, maybe set on the target, not yet tested and promoted. */
    PENDING,
    /** The version CURRENT replaced, kept until its credential is revoked. */
    PREVIOUS
}
