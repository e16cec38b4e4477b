package dev.gantry.recovery;

import java.time.Duration;

/** How a drill ended. Only {@link Passed} and {@link PassedWithRtoBreach} prove the backup restorable. */
public sealed interface DrillVerdict {

    String name();

    default boolean restorable() {
        return this instanceof Passed || this instanceof PassedWithRtoBreach;
    }

    /** Restored and every check passed within the recovery time objective. */
    record Passed(Duration rto) implements DrillVerdict {
        @Override
        public String name() {
            return "PASSED";
        }
    }

    /** Restored and every check passed, but later than the recovery time objective allows. */
    record PassedWithRtoBreach(Duration rto, Duration objective) implements DrillVerdict {
        @Override
        public String name() {
            return "PASSED_WITH_RTO_BREACH";
        }
    }

    /** A check failed (the restore itself is a check): the first one that did, with what it found. */
    record Failed(String firstFailedCheck) implements DrillVerdict {
        @Override
        public String name() {
            return "FAILED";
        }
    }

    /**
     * The node running the drill stopped before it ended (a crash, kill -9, a power cut); a later sweep found it
     * still RUNNING past its window and closed it. Says nothing about the backup.
     */
    record Interrupted(String reason) implements DrillVerdict {
        @Override
        public String name() {
            return "INTERRUPTED";
        }
    }

    /** The validation window ran out; the work was killed. */
    record TimedOut(Duration window) implements DrillVerdict {
        @Override
        public String name() {
            return "TIMED_OUT";
        }
    }
}
