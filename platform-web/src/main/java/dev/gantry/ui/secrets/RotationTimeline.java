package dev.gantry.ui.secrets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.StageLabel;
import dev.gantry.secrets.VersionActivity;
import dev.gantry.secrets.VersionState;
import dev.gantry.ui.components.Formats;
import org.jspecify.annotations.Nullable;

/**
 * A secret's history as a vertical timeline, newest on top: versions written by hand, rotations that made a
 * candidate CURRENT, candidates that failed, and a rotation under way or failing now. Built from the versions'
 * own times (ADR 7: {@code current_since}, {@code failed_at}), so it needs no access to the audit trail.
 */
final class RotationTimeline extends Div {

    /** One dot on the line. {@code kind} picks its colour: ok, bad, warn or plain. */
    record Event(Instant at, String kind, String title, String detail) {
    }

    RotationTimeline(List<VersionActivity> versions, @Nullable RotationStatus status) {
        setId("rotation-timeline");
        addClassName("gantry-timeline");
        List<Event> events = events(versions, status);
        if (events.isEmpty()) {
            Span none = new Span("Nothing has happened to this secret yet.");
            none.addClassName("gantry-muted");
            add(none);
        }
        for (Event event : events) {
            Div item = new Div();
            item.addClassNames("gantry-timeline-item", "gantry-timeline-" + event.kind());
            Div title = new Div(event.title());
            title.addClassName("gantry-timeline-title");
            Span when = new Span(Formats.ago(event.at()));
            when.addClassName("gantry-muted");
            when.getElement().setAttribute("title", Formats.exact(event.at()));
            Div detail = new Div(when, new Span(event.detail().isEmpty() ? "" : " · " + event.detail()));
            detail.addClassName("gantry-timeline-detail");
            item.add(title, detail);
            add(item);
        }
    }

    static List<Event> events(List<VersionActivity> versions, @Nullable RotationStatus status) {
        List<Event> events = new ArrayList<>();
        for (VersionActivity v : versions) {
            String by = "by " + v.createdBy();
            if (v.failedAt() != null) {
                events.add(new Event(v.failedAt(), "bad", "Rotation to v" + v.version() + " failed",
                        "candidate started " + by + "; CURRENT stayed in place"));
            } else if (v.currentSince() == null && v.state() == VersionState.PENDING) {
                events.add(new Event(v.createdAt(), "warn", "Rotation to v" + v.version() + " under way",
                        "candidate PENDING, started " + by));
            } else if (v.currentSince() != null) {
                // A candidate becomes CURRENT only after it was set and tested, later than it was written; a
                // version written by hand is CURRENT at once.
                boolean rotated = v.currentSince().isAfter(v.createdAt());
                events.add(new Event(v.currentSince(), rotated ? "ok" : "plain",
                        (rotated ? "Rotated to v" : "Version v") + v.version()
                                + (rotated ? "" : " written") + label(v.label()),
                        rotated ? "started " + by : by));
            }
        }
        if (status != null && status.consecutiveFailures() > 0 && status.lastFailure() != null) {
            Instant at = status.nextAttemptAt() != null ? status.nextAttemptAt() : Instant.now();
            events.add(new Event(at, "bad", status.consecutiveFailures() + " failed attempt"
                    + (status.consecutiveFailures() == 1 ? "" : "s") + " in a row: next attempt",
                    status.lastFailure()));
        }
        events.sort(Comparator.comparing(Event::at).reversed());
        return events;
    }

    private static String label(@Nullable StageLabel label) {
        return label == null ? "" : " (now " + label.name() + ")";
    }
}
