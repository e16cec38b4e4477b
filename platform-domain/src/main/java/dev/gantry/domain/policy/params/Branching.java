package dev.gantry.domain.policy.params;

/** {@code source.branching}: the branching model, and what a change needs before it merges. */
public record Branching(Model model, int reviewsRequired, boolean testsOnPullRequests) implements RuleParameters {

    public enum Model {
        GITHUB_FLOW("GitHub flow: short-lived branches from an always-deployable main"),
        TRUNK("trunk-based development"),
        GITFLOW("git-flow");

        private final String wording;

        Model(String wording) {
            this.wording = wording;
        }
    }

    public Branching {
        Checks.atLeast(reviewsRequired, 0, "reviewsRequired");
    }

    @Override
    public String summary() {
        String summary = model.wording + "; " + (reviewsRequired == 0 ? "no review required"
                : Wording.count(reviewsRequired, "review") + " before merging");
        return testsOnPullRequests ? summary + "; tests run on every pull request" : summary;
    }
}
