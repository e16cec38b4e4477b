package dev.gantry.domain.policy.params;

import java.util.Set;

/** {@code gate.securityReview}: changes touching these areas need a security review before they merge. */
public record SecurityReview(Set<Scope> scopes) implements RuleParameters {

    public enum Scope {
        PUBLIC_API("public APIs"),
        DATA_ACCESS("data access logic"),
        THIRD_PARTY_INTEGRATION("third-party integrations");

        private final String wording;

        Scope(String wording) {
            this.wording = wording;
        }
    }

    public SecurityReview {
        scopes = Checks.enums(Scope.class, scopes, "scopes", true);
    }

    @Override
    public String summary() {
        return "security review required for changes to " + Wording.list(scopes, s -> s.wording);
    }
}
