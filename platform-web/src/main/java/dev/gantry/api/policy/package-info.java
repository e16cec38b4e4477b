@NullMarked
package dev.gantry.api.policy;

import org.jspecify.annotations.NullMarked;
