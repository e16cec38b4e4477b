package dev.gantry.access;

/** Published in the transaction that disables an account, so credentials held elsewhere end with it. */
public record UserDisabled(String username) {
}
