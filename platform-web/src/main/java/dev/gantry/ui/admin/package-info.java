@NullMarked
package dev.gantry.ui.admin;

import org.jspecify.annotations.NullMarked;
