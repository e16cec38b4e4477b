package dev.gantry.recovery;

/** The layout of a backup's plaintext; it decides which scratch targets can restore it. */
public enum PayloadFormat {
    /** H2's {@code SCRIPT}: SQL that {@code RUNSCRIPT} replays into a new H2 database. */
    H2_SCRIPT,
    /** {@code pg_dump -Fc}: PostgreSQL's custom archive, replayed by {@code pg_restore}. */
    POSTGRES_CUSTOM_DUMP,
    /** A directory tree in Gantry's tree format (docs/recovery-archive-format.md). */
    DIRECTORY_TREE,
    /** Whatever a command wrote to its standard output, kept byte for byte. */
    COMMAND_STREAM
}
