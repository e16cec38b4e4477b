package dev.gantry.recovery.retention;

import dev.gantry.domain.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * A recovery point as retention sees it: an id the caller uses to find it again, when it was taken, and its state.
 * {@code takenAt} is the instant the backup's snapshot of the data was taken; the zone passed to
 * {@link Retention#apply} decides which hour, day, week, month and year it falls in.
 */
public record Point(String id, Instant takenAt, PointState state) {

    public Point {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(state, "state");
        if (id.isBlank()) {
            throw new InvalidInputException("id", "a recovery point needs a non-blank id");
        }
    }
}
