/**
 * The vault in the portal: browsing secrets by path, their versions and the actions on them, revealing a value
 * (after a fresh second proof for production paths), and the vault's seal for secrets administrators.
 */
@NullMarked
package dev.gantry.ui.secrets;

import org.jspecify.annotations.NullMarked;
