/**
 * The vault over HTTP, shaped like Vault's KV v2 ({@code data/}, {@code metadata/}, {@code delete/},
 * {@code undelete/}, {@code destroy/}, {@code rollback/} followed by the secret's path) and its seal endpoints.
 * A later feature of the vault adds its own controller here next to these.
 */
@NullMarked
package dev.gantry.api.secrets;

import org.jspecify.annotations.NullMarked;
