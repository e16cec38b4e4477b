package dev.gantry.domain.policy.params;

/** {@code access.leastPrivilege}: people and service accounts hold only the permissions their work needs. */
public record LeastPrivilege() implements RuleParameters {

    @Override
    public String summary() {
        return "people and service accounts get only the permissions their work needs";
    }
}
