package dev.gantry.domain;

/** Incident and alert severity, P0 the worst. */
public enum Severity {
    P0("Critical: complete outage or major security breach"),
    P1("High: significant degradation or partial outage"),
    P2("Medium: minor impact, a workaround exists"),
    P3("Low: minimal impact, no urgency");

    private final String meaning;

    Severity(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
