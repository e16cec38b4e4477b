@NullMarked
package dev.gantry.recovery.internal.tree;

import org.jspecify.annotations.NullMarked;
