/**
 * Policy packs: an organisation's deployment and operations rules as versioned, typed data, and the loader that
 * refuses a pack with file, line and field when it is wrong. Modules enforce the active pack's rules and record
 * which rule and pack version they applied.
 */
@NullMarked
package dev.gantry.domain.policy;

import org.jspecify.annotations.NullMarked;
