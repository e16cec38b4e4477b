/** What a root key rotation leaves to rewrap: stored data keys and internal keys below the newest version. */
@NullMarked
package dev.gantry.secrets.internal.rewrap;

import org.jspecify.annotations.NullMarked;
