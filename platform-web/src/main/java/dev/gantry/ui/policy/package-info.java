@NullMarked
package dev.gantry.ui.policy;

import org.jspecify.annotations.NullMarked;
