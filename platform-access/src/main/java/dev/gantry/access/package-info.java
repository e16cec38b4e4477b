/**
 * Access: who may do what in Gantry, and the tamper-evident audit trail of what was done. This package is the
 * module's API; everything under {@code internal} is private to it.
 */
@NullMarked
package dev.gantry.access;

import org.jspecify.annotations.NullMarked;
