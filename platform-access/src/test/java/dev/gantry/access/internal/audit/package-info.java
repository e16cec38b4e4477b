@NullMarked
package dev.gantry.access.internal.audit;

import org.jspecify.annotations.NullMarked;
