package dev.gantry.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/** The rules are for shipped code: leave out test classes, also those that reach us in another module's test jar. */
class ProductionCodeOnly implements ImportOption {

    private static final ImportOption TESTS = new ImportOption.DoNotIncludeTests();

    @Override
    public boolean includes(Location location) {
        return TESTS.includes(location) && !location.contains("-tests.jar");
    }
}
