/** Private to the recovery module: who acts, what they may do, and the machinery under the services. */
@NullMarked
package dev.gantry.recovery.internal;

import org.jspecify.annotations.NullMarked;
