@NullMarked
package dev.gantry.secrets.internal.crypto;

import org.jspecify.annotations.NullMarked;
