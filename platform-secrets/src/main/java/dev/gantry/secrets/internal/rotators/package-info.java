/**
 * The built-in rotators: generated passwords and API keys, key pairs, certificates from Gantry's internal CA,
 * database user passwords over JDBC, and commands or webhooks for anything else.
 */
@NullMarked
package dev.gantry.secrets.internal.rotators;

import org.jspecify.annotations.NullMarked;
