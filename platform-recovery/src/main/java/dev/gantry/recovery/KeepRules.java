package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Which backup points a plan keeps, with restic's semantics ({@code --keep-last}, {@code --keep-hourly} ...
 * {@code --keep-within}). Data only: a {@link BackupRetention} decides, {@link BackupService#applyRetention}
 * applies. All zero and no {@code within} keeps everything.
 */
public record KeepRules(int last, int hourly, int daily, int weekly, int monthly, int yearly,
        @Nullable Duration within) {

    public static final int MAX = 10_000;

    public KeepRules {
        for (int n : new int[] {last, hourly, daily, weekly, monthly, yearly}) {
            if (n < 0 || n > MAX) {
                throw new InvalidInputException("keep", "each keep count is 0 to " + MAX);
            }
        }
        if (within != null && (within.isNegative() || within.isZero())) {
            throw new InvalidInputException("keep.within", "a positive duration, e.g. P30D");
        }
    }

    public static KeepRules everything() {
        return new KeepRules(0, 0, 0, 0, 0, 0, null);
    }

    public boolean keepsEverything() {
        return last == 0 && hourly == 0 && daily == 0 && weekly == 0 && monthly == 0 && yearly == 0 && within == null;
    }
}
