package dev.gantry.access;

import java.util.UUID;

/** No API token has this id (it may have been purged). */
public final class TokenNotFoundException extends RuntimeException {

    TokenNotFoundException(UUID id) {
        super("no API token with id " + id);
    }
}
