/** Scratch targets a drill or an on-demand restore writes into: never the source, always new, removed after a drill. */
@NullMarked
package dev.gantry.recovery.internal.target;

import org.jspecify.annotations.NullMarked;
