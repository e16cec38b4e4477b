/**
 * Rotation's machinery: policies and per-secret state at rest, the steps that each commit on their own, claims that
 * keep two nodes off one secret, and the built-in rotators.
 */
@NullMarked
package dev.gantry.secrets.internal.rotation;

import org.jspecify.annotations.NullMarked;
