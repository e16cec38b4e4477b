package dev.gantry.domain;

/**
 * What a person or machine may do in Gantry. A role is granted globally or scoped to one team.
 * The order carries no meaning: roles do not imply each other, {@link #ADMIN} included, so every grant is explicit.
 */
public enum Role {
    ADMIN("Administers users, teams, roles and platform settings"),
    AUDITOR("Reads the audit trail and verifies its integrity"),
    RELEASE_MANAGER("Approves and runs production releases"),
    SECRETS_ADMIN("Manages the vault, its policies and rotation"),
    INCIDENT_COMMANDER("Leads incidents, escalations and postmortems"),
    ENGINEER("Builds and operates the services of their teams"),
    VIEWER("Reads the catalog, the policy and dashboards");

    private final String description;

    Role(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority name, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
