package dev.gantry.secrets;

import java.util.List;

/**
 * What the dashboard shows: secrets due for rotation, secrets whose rotation is failing (one or more consecutive
 * failures), and secrets expiring within the asked horizon (or already expired).
 */
public record RotationOverview(List<RotationStatus> due, List<RotationStatus> failing,
        List<RotationStatus> expiring) {

    public RotationOverview {
        due = List.copyOf(due);
        failing = List.copyOf(failing);
        expiring = List.copyOf(expiring);
    }
}
