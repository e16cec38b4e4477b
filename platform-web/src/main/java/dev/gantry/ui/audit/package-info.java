@NullMarked
package dev.gantry.ui.audit;

import org.jspecify.annotations.NullMarked;
