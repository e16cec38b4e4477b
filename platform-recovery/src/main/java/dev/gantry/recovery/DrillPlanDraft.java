package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A restore drill as an administrator writes it.
 *
 * @param cron            six-field cron in UTC; at save it must fire at least as often as the pack's
 *                        {@code recovery.drill every}
 * @param selection       which backup is drilled
 * @param selectionWindow for RANDOM: pick among complete backups created within this long before the drill
 * @param window          the validation window: restore and checks together; past it the work is killed
 */
public record DrillPlanDraft(String name, UUID backupPlanId, String cron, Selection selection,
        @Nullable Duration selectionWindow, ScratchSpec scratch, List<Validation> validations, Duration window) {

    public enum Selection {
        /** The newest complete backup. */
        LATEST,
        /** A complete backup chosen at random within the selection window, with a recorded seed. */
        RANDOM
    }

    public static final Duration MAX_WINDOW = Duration.ofHours(24);

    public DrillPlanDraft {
        if (name.length() > 60 || !BackupPlanDraft.NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "lower-case words joined by hyphens, at most 60 characters");
        }
        validations = List.copyOf(validations);
        if (validations.isEmpty() || validations.size() > 20) {
            throw new InvalidInputException("validations", "1 to 20 validations");
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("window", "a positive duration of at most 24 hours");
        }
        if (selection == Selection.RANDOM && (selectionWindow == null || selectionWindow.isNegative()
                || selectionWindow.isZero())) {
            throw new InvalidInputException("selectionWindow", "a random selection needs a positive window");
        }
    }
}
