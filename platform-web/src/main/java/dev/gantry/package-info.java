@NullMarked
package dev.gantry;

import org.jspecify.annotations.NullMarked;
