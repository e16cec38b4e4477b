package dev.gantry.secrets;

/**
 * What one {@link SecretRotation#runDue()} did, for the job's log line.
 *
 * @param skipped due secrets another node was rotating
 */
public record RotationRun(int rotated, int failed, int converged, int skipped, int revoked, int reminders) {
}
