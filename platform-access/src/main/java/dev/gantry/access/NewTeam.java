package dev.gantry.access;

import java.util.regex.Pattern;

import dev.gantry.domain.InvalidInputException;

public record NewTeam(String slug, String name, String description) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public NewTeam {
        slug = slug == null ? "" : slug.strip();
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug",
                    "Use 2 to 64 characters: lower-case letters, digits or '-', starting with a letter");
        }
        if (name.isEmpty() || name.length() > 128) {
            throw new InvalidInputException("name", "Give a team name of 1 to 128 characters");
        }
        if (description.length() > 1000) {
            throw new InvalidInputException("description", "Keep the description under 1,000 characters");
        }
    }
}
