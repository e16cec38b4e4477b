/** Vault tokens at rest: their SHA-256 digests, owners, policies, lifetimes and family tree. */
@NullMarked
package dev.gantry.secrets.internal.token;

import org.jspecify.annotations.NullMarked;
