package dev.gantry.secrets;

/** Why a vault token exists. */
public enum VaultTokenKind {
    /** For CI and scripts: policies chosen by its creator, renewable if asked. */
    MACHINE,
    /** A person's own short-lived access, e.g. for a local script: never renewable, capped lifetime. */
    TEMPORARY
}
