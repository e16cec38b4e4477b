@NullMarked
package dev.gantry.config;

import org.jspecify.annotations.NullMarked;
