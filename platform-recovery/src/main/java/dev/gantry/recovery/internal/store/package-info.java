/** Plans, points, drills and escrow records in the recovery_ tables, through plain JDBC. */
@NullMarked
package dev.gantry.recovery.internal.store;

import org.jspecify.annotations.NullMarked;
