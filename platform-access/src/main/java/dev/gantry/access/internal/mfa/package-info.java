/** TOTP enrolments and recovery codes: their storage, the key file and the crypto around them. Private to access. */
@NullMarked
package dev.gantry.access.internal.mfa;

import org.jspecify.annotations.NullMarked;
