package dev.gantry.domain.policy.params;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code release.versioning}: how releases are numbered, and whether each has a changelog entry and a tag. */
public record Versioning(Optional<Scheme> scheme, boolean changelog, boolean tagRequired) implements RuleParameters {

    public enum Scheme {
        SEMVER("semantic versioning"),
        CALVER("calendar versioning");

        private final String wording;

        Scheme(String wording) {
            this.wording = wording;
        }
    }

    @Override
    public String summary() {
        List<String> parts = new ArrayList<>();
        scheme.ifPresent(s -> parts.add(s.wording));
        if (changelog) {
            parts.add("a changelog entry for every release");
        }
        if (tagRequired) {
            parts.add("every release tagged in the repository");
        }
        return parts.isEmpty() ? "releases are versioned" : String.join("; ", parts);
    }
}
