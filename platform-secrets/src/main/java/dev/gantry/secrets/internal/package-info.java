/** Private to the secrets module: crypto, the seal, the store, and who is acting. */
@NullMarked
package dev.gantry.secrets.internal;

import org.jspecify.annotations.NullMarked;
