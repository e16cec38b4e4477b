package dev.gantry.recovery;

import dev.gantry.domain.InvalidInputException;

/** Where a plan's archives go, as data; a bucket kind joins the directory later. */
public sealed interface LocationSpec {

    String describe();

    record Directory(String path) implements LocationSpec {

        public Directory {
            if (path.isBlank() || !path.startsWith("/") || path.length() > 1000) {
                throw new InvalidInputException("locations", "an absolute directory path, not '" + path + "'");
            }
        }

        @Override
        public String describe() {
            return "directory " + path;
        }
    }
}
