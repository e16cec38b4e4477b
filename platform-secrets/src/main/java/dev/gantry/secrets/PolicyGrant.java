package dev.gantry.secrets;

import java.time.Instant;

/** A policy held by a user or a team. */
public record PolicyGrant(String policy, PolicySubject subject, Instant grantedAt, String grantedBy) {
}
