/** Test fixtures of the secrets module: a recording audit trail. */
@NullMarked
package dev.gantry.secrets.testing;

import org.jspecify.annotations.NullMarked;
