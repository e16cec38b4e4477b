@NullMarked
package dev.gantry.scheduling;

import org.jspecify.annotations.NullMarked;
