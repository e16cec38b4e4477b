package dev.gantry.domain.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects what is wrong with one pack; reading goes on after a problem so the author sees all of them at once. */
final class Problems {

    private final String source;
    private final List<PolicyProblem> found = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    void at(Node node, String field, String message) {
        at(node.getStartMark(), field, message);
    }

    void at(Mark mark, String field, String message) {
        // SnakeYAML counts from 0; editors and people count from 1.
        found.add(new PolicyProblem(source, mark.getLine() + 1, mark.getColumn() + 1, field, message));
    }

    void withoutPosition(String message) {
        found.add(new PolicyProblem(source, 0, 0, "", message));
    }

    int count() {
        return found.size();
    }

    /** Every problem, in document order. */
    List<PolicyProblem> all() {
        return found.stream()
                .sorted(Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
                .toList();
    }

    PolicyPackException refusal() {
        return new PolicyPackException(all());
    }
}
