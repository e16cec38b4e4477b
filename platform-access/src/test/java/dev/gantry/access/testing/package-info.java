/** Test fixtures: databases, clocks. */
@NullMarked
package dev.gantry.access.testing;

import org.jspecify.annotations.NullMarked;
