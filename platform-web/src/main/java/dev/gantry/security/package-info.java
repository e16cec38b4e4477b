@NullMarked
package dev.gantry.security;

import org.jspecify.annotations.NullMarked;
