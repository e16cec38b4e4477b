/** Running a restore into a scratch target within a window, then its checks: shared by drills and restores. */
@NullMarked
package dev.gantry.recovery.internal.drill;

import org.jspecify.annotations.NullMarked;
