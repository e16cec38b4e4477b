package dev.gantry.access;

/** A person signs in to the portal; a service account exists only to own API tokens for machines such as CI. */
public enum AccountKind {
    PERSON,
    SERVICE
}
