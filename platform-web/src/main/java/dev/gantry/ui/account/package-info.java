@NullMarked
package dev.gantry.ui.account;

import org.jspecify.annotations.NullMarked;
