package dev.gantry.access;

import java.time.Instant;

/** The outcome of a password check. Callers show one message for every refusal so accounts cannot be probed. */
public sealed interface SignInResult {

    record Success(SignedInUser user) implements SignInResult {
    }

    record BadCredentials() implements SignInResult {
    }

    record LockedOut(Instant until) implements SignInResult {
    }

    record Disabled() implements SignInResult {
    }
}
