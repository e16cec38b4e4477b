package dev.gantry.recovery.retention;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link Retention#apply}: one decision per candidate (successful) point, newest first, and the
 * points that were not candidates (running or failed), untouched and in their input order.
 */
public record RetentionPlan(List<Decision> decisions, List<Point> notConsidered) {

    public RetentionPlan {
        decisions = List.copyOf(decisions);
        notConsidered = List.copyOf(notConsidered);
    }

    /** Points to keep, newest first. */
    public List<Point> toKeep() {
        return decisions.stream().filter(Decision::kept).map(Decision::point).toList();
    }

    /** Points the caller may delete, newest first. Never holds a running, failed or newest verified point. */
    public List<Point> toForget() {
        return decisions.stream().filter(d -> !d.kept()).map(Decision::point).toList();
    }

    public Optional<Decision> decisionFor(String pointId) {
        return decisions.stream().filter(d -> d.point().id().equals(pointId)).findFirst();
    }
}
