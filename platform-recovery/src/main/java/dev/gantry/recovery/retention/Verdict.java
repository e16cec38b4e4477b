package dev.gantry.recovery.retention;

/** What retention decided for one candidate point. */
public enum Verdict {
    KEEP,
    FORGET
}
