@NullMarked
package dev.gantry.secrets.internal.policy;

import org.jspecify.annotations.NullMarked;
