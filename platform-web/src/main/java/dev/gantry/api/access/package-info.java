@NullMarked
package dev.gantry.api.access;

import org.jspecify.annotations.NullMarked;
