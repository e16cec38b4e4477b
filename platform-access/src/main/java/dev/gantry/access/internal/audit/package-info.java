/**
 * The store behind {@link dev.gantry.domain.audit.AuditTrail}: hash-chained rows, the head row that serialises
 * appends, Ed25519 checkpoints and the file they are mirrored to, and the readers behind the audit API.
 */
@NullMarked
package dev.gantry.access.internal.audit;

import org.jspecify.annotations.NullMarked;
