/** The key pairs sealed-secret files are encrypted to, and HPKE as those files use it. */
@NullMarked
package dev.gantry.secrets.internal.export;

import org.jspecify.annotations.NullMarked;
