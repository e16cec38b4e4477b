@NullMarked
package dev.gantry.ui.home;

import org.jspecify.annotations.NullMarked;
