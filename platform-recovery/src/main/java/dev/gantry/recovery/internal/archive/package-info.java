@NullMarked
package dev.gantry.recovery.internal.archive;

import org.jspecify.annotations.NullMarked;
