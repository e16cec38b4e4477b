package dev.gantry.secrets;

/** What a rotation policy covers: one secret, or every secret under a path prefix. */
public enum RotationScope {
    SECRET,
    PREFIX
}
