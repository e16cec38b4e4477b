/** Test fixtures of the access module: databases, a recording audit trail, a clock tests can move. */
@NullMarked
package dev.gantry.access.testing;

import org.jspecify.annotations.NullMarked;
