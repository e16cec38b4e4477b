@NullMarked
package dev.gantry.ui;

import org.jspecify.annotations.NullMarked;
