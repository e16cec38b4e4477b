package dev.gantry.recovery;

import java.util.List;

/** Whether a directory tree is exactly what an inventory says it must be. */
public sealed interface TreeVerification {

    record Matches(int entries) implements TreeVerification {
    }

    record Differs(List<String> differences) implements TreeVerification {

        public Differs {
            differences = List.copyOf(differences);
        }
    }
}
