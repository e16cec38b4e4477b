@NullMarked
package dev.gantry.secrets.internal.scan;

import org.jspecify.annotations.NullMarked;
