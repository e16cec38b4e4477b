package dev.gantry.secrets.internal.rotation;

/** How far a PENDING candidate got; stored, so a node that died mid-rotation can be caught up with. */
public enum RotationStep {
    /** The target may have been told about the candidate. */
    SETTING,
    /** The target took it. */
    SET,
    /** The target accepts it. */
    TESTED
}
