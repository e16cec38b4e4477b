package dev.gantry.access;

import java.util.regex.Pattern;

import dev.gantry.domain.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** What an admin types to create an account. Validated here so the UI and the API refuse the same things. */
public record NewUser(String username, String displayName, @Nullable String email, AccountKind kind) {

    public static final int MAX_USERNAME = 64;
    public static final int MAX_DISPLAY_NAME = 128;
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public NewUser {
        username = username == null ? "" : username.strip();
        displayName = displayName == null ? "" : displayName.strip();
        email = email == null || email.isBlank() ? null : email.strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username",
                    "Use 2 to 64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (displayName.isEmpty() || displayName.length() > MAX_DISPLAY_NAME) {
            throw new InvalidInputException("displayName", "Give a display name of 1 to 128 characters");
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new InvalidInputException("email", "'" + email + "' is not an e-mail address");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", "Choose a person or a service account");
        }
    }
}
