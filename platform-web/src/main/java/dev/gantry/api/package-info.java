@NullMarked
package dev.gantry.api;

import org.jspecify.annotations.NullMarked;
