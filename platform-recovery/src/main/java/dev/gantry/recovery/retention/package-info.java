/**
 * Which recovery points to keep and which to forget, with restic's {@code forget --keep-*} semantics: a pure
 * calculator ({@link dev.gantry.recovery.retention.Retention}) that reads points and {@link
 * dev.gantry.recovery.retention.KeepRules} and returns a {@link dev.gantry.recovery.retention.RetentionPlan}; it
 * deletes nothing. Points are bucketed in an explicit time zone. On top of restic's rules Gantry never forgets the
 * newest verified point, and only successful points are candidates (a running or failed point is never forgotten
 * here). See {@code docs/recovery-retention.md}.
 */
@NullMarked
@NamedInterface("retention")
package dev.gantry.recovery.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
