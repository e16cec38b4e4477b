package dev.gantry.api.secrets;

import dev.gantry.domain.InvalidInputException;

/**
 * The secret path at the end of a URL ({@code /api/v1/secrets/data/team/service/env/name}), as captured by a
 * {@code {*path}} pattern: with a leading slash, already decoded. The vault validates the segments; this only
 * bounds the length before anything else reads it.
 */
final class SecretPaths {

    static final int MAX_LENGTH = 300;

    private SecretPaths() {
    }

    static String fromUrl(String captured) {
        String path = captured.startsWith("/") ? captured.substring(1) : captured;
        if (path.isEmpty()) {
            throw new InvalidInputException("path",
                    "add the secret's path to the URL: team/service/environment/name");
        }
        if (path.length() > MAX_LENGTH) {
            throw new InvalidInputException("path", "a secret path has at most " + MAX_LENGTH + " characters");
        }
        return path;
    }
}
