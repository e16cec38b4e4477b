/** Backup plans, points, restore drills, restores, key escrow and compliance over HTTP, under /api/v1/recovery. */
@NullMarked
package dev.gantry.api.recovery;

import org.jspecify.annotations.NullMarked;
