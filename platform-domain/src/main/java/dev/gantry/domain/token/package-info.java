/** Bearer token values shared by the API tokens of access and the vault tokens of secrets. */
@NullMarked
package dev.gantry.domain.token;

import org.jspecify.annotations.NullMarked;
