package dev.gantry.domain;

/** The stages a service runs in; policies are stricter the further right. */
public enum Environment {
    DEVELOPMENT,
    STAGING,
    PRODUCTION
}
