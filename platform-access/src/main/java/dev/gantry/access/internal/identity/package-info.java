@NullMarked
package dev.gantry.access.internal.identity;

import org.jspecify.annotations.NullMarked;
