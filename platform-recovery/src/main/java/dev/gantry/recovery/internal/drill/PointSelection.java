package dev.gantry.recovery.internal.drill;

import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.DrillPlanDraft;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Which complete backup a drill restores. RANDOM draws from the candidates in creation order with a seeded
 * generator, so a drill is reproduced exactly from its recorded seed.
 */
public final class PointSelection {

    private PointSelection() {
    }

    public static Optional<BackupPoint> choose(List<BackupPoint> complete, DrillPlanDraft.Selection selection,
            @Nullable Duration window, long seed, Instant now) {
        List<BackupPoint> ordered = complete.stream()
                .filter(p -> p.createdAt() != null && !p.createdAt().isAfter(now))
                .sorted(Comparator.comparing(BackupPoint::createdAt).thenComparing(BackupPoint::id)).toList();
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        if (selection == DrillPlanDraft.Selection.LATEST) {
            return Optional.of(ordered.getLast());
        }
        Instant from = now.minus(window);
        List<BackupPoint> inWindow = ordered.stream().filter(p -> !p.createdAt().isBefore(from)).toList();
        if (inWindow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(inWindow.get(new SplittableRandom(seed).nextInt(inWindow.size())));
    }
}
