package dev.gantry.domain.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A pack was refused. Carries every problem found, so the author fixes them in one pass, not one per start-up. */
public class PolicyPackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    // An immutable copy of serializable records, so it serializes; the declared List type cannot say so.
    @SuppressWarnings("serial")
    private final List<PolicyProblem> problems;

    public PolicyPackException(List<PolicyProblem> problems) {
        super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a refused pack has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
