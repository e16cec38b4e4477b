package dev.gantry.recovery;

import java.time.Duration;

/** The evidence of one check: what was checked, whether it passed, what was found, and how long it took. */
public record CheckResult(String name, boolean passed, String detail, Duration took) {

    public static CheckResult passed(String name, String detail, Duration took) {
        return new CheckResult(name, true, detail, took);
    }

    public static CheckResult failed(String name, String detail, Duration took) {
        return new CheckResult(name, false, detail, took);
    }
}
