/**
 * Recovery: encrypted, compressed, signed backups written to one or more locations, and all-or-nothing restore of
 * directory trees. The root package is the API; {@code internal} holds the archive format and the tree stream.
 */
@NullMarked
package dev.gantry.recovery;

import org.jspecify.annotations.NullMarked;
