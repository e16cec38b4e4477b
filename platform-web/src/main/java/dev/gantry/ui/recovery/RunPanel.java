package dev.gantry.ui.recovery;

import java.time.Duration;
import java.time.Instant;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.gantry.scheduling.RecoveryRuns;
import dev.gantry.scheduling.RecoveryRuns.Run;

/** A backup, drill or restore while it runs (a progress bar and what it has done) and how it ended. */
final class RunPanel extends Div {

    private final Span title = new Span();
    private final Span state = new Span();
    private final ProgressBar bar = new ProgressBar();
    private final Span detail = new Span();
    private final Div links = new Div();

    private final boolean linkToPlans;

    /** @param linkToPlans whether a finished run links to its plan (not when the panel is on that plan's page) */
    RunPanel(boolean linkToPlans) {
        this.linkToPlans = linkToPlans;
        addClassName("gantry-run");
        detail.addClassName("gantry-muted");
        Div head = new Div(title, state);
        head.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "baseline");
        add(head, bar, detail, links);
    }

    void show(Run run, Instant now) {
        getElement().setAttribute("data-run", run.id().toString());
        title.setText(switch (run.kind()) {
            case BACKUP -> "Backup of ";
            case DRILL -> "Drill ";
            case RESTORE -> "Restore of ";
        } + run.subject());
        state.removeClassNames("gantry-ok", "gantry-bad", "gantry-warn");
        state.setText(run.state().name());
        state.addClassNames("gantry-pill", switch (run.state()) {
            case SUCCEEDED -> "gantry-ok";
            case FAILED -> "gantry-bad";
            default -> "gantry-warn";
        });
        bar.setVisible(run.active());
        String elapsed = run.startedAt() == null ? "waiting for a free worker"
                : "running for " + RecoveryFormats.duration(Duration.between(run.startedAt(), now));
        switch (run.kind()) {
            case BACKUP -> {
                bar.setIndeterminate(true);
                detail.setText(run.active() ? RecoveryFormats.bytes(run.bytesDone()) + " read · " + elapsed
                        : outcome(run));
            }
            case RESTORE -> {
                bar.setIndeterminate(run.bytesTotal() <= 0);
                if (run.bytesTotal() > 0) {
                    bar.setValue(Math.min(1.0, run.bytesDone() / (double) run.bytesTotal()));
                }
                detail.setText(run.active() ? RecoveryFormats.bytes(run.bytesDone()) + " of "
                        + RecoveryFormats.bytes(run.bytesTotal()) + " restored · " + elapsed : outcome(run));
            }
            case DRILL -> {
                boolean timed = run.startedAt() != null && run.deadline() != null;
                bar.setIndeterminate(!timed);
                if (timed) {
                    long window = Duration.between(run.startedAt(), run.deadline()).toMillis();
                    long spent = Duration.between(run.startedAt(), now).toMillis();
                    bar.setValue(Math.clamp(spent / (double) Math.max(1, window), 0.0, 1.0));
                }
                detail.setText(run.active() ? elapsed + (run.deadline() == null ? ""
                        : " · stopped at the latest after " + RecoveryFormats.duration(
                        Duration.between(run.startedAt() == null ? now : run.startedAt(), run.deadline())))
                        : outcome(run));
            }
        }
        links.removeAll();
        if (!linkToPlans) {
            return;
        }
        if (!run.active() && run.resultId() != null && run.kind() == RecoveryRuns.Kind.DRILL) {
            links.add(new Anchor("recovery/drills/" + run.subjectId(), "See the drill's evidence"));
        } else if (!run.active() && run.kind() == RecoveryRuns.Kind.BACKUP) {
            links.add(new Anchor("recovery/plans/" + run.subjectId(), "See the plan's backups"));
        }
    }

    private static String outcome(Run run) {
        return (run.outcome() == null ? run.state().name() : run.outcome())
                + (run.state() == RecoveryRuns.State.FAILED ? next(run) : "");
    }

    /** What to do about a failed run, in a sentence. */
    private static String next(Run run) {
        return switch (run.kind()) {
            case BACKUP -> ". Check the plan's source and locations, then run it again.";
            case DRILL -> ". Open the drill's evidence to see which check failed and what it found.";
            case RESTORE -> ". Check the target (it must be new and writable) and try again.";
        };
    }
}
