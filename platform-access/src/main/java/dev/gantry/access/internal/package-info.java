/** Private to the access module: persistence, hashing, crypto. */
@NullMarked
package dev.gantry.access.internal;

import org.jspecify.annotations.NullMarked;
