@NullMarked
package dev.gantry.api.audit;

import org.jspecify.annotations.NullMarked;
