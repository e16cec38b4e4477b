package dev.gantry.domain.policy;

/** The areas a pack's rules fall into; the declaration order is the order a pack is shown in. */
public enum PolicyArea {
    DEPLOYMENT("Deployment"),
    QUALITY_GATES("Pipeline and quality gates"),
    RELEASE("Release and source control"),
    SECRETS("Secrets and encryption"),
    RECOVERY("Backup and recovery"),
    INCIDENTS("Incident response"),
    MONITORING("Monitoring and observability"),
    ACCESS("Access control and audit"),
    OPERATIONS("Infrastructure and operations");

    private final String title;

    PolicyArea(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
