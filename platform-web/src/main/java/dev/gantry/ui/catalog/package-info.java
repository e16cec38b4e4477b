@NullMarked
package dev.gantry.ui.catalog;

import org.jspecify.annotations.NullMarked;
