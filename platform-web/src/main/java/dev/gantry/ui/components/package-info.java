@NullMarked
package dev.gantry.ui.components;

import org.jspecify.annotations.NullMarked;
