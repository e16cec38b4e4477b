/**
 * The typed parameters of each rule kind, one record per kind. Each record checks its own invariants, so a rule
 * built in code is as valid as one loaded from YAML, and reads itself back in one line ({@code summary()}).
 */
@NullMarked
package dev.gantry.domain.policy.params;

import org.jspecify.annotations.NullMarked;
