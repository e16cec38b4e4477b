/** Secrets and their versions at rest: metadata in clear, values only as envelope ciphertext. */
@NullMarked
package dev.gantry.secrets.internal.store;

import org.jspecify.annotations.NullMarked;
