package dev.gantry.access;

/** How much it hurts when a service is down; policies and drills are stricter for higher tiers. */
public enum ServiceTier {
    CRITICAL("Customer-facing or revenue-bearing; an outage is a P0"),
    HIGH("Important for customers or many teams"),
    STANDARD("Internal service with a workaround when it is down"),
    LOW("Experimental or best-effort");

    private final String description;

    ServiceTier(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
