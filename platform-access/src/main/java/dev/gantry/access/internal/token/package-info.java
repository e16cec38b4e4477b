/** API token storage and the token value format. Private to access. */
@NullMarked
package dev.gantry.access.internal.token;

import org.jspecify.annotations.NullMarked;
