package dev.gantry.domain.policy;

import java.io.StringReader;
import java.util.List;

/** Loads a pack written inline in a test and returns the problems it was refused with. */
final class Refusals {

    static final String SOURCE = "bad.yaml";

    private Refusals() {
    }

    static PolicyPack load(String yaml) {
        return new PolicyPackLoader().load(SOURCE, new StringReader(yaml));
    }

    static List<PolicyProblem> problemsOf(String yaml) {
        try {
            load(yaml);
        } catch (PolicyPackException refused) {
            return refused.problems();
        }
        throw new AssertionError("the pack was accepted, but should have been refused");
    }

    /** A valid pack header followed by the given rules block (starting at line 7, each rule indented by two). */
    static String pack(String rules) {
        return """
                pack: test
                name: Test pack
                organisation: Test Ltd
                version: 1.0.0
                description: For tests.
                rules:
                """ + rules;
    }
}
