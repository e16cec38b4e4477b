package dev.gantry.access;

import java.net.URI;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import dev.gantry.domain.Environment;
import dev.gantry.domain.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** A catalog entry as typed in the UI or sent to the API; links must be http(s). */
public record ServiceDefinition(String slug, String name, String description, String ownerTeam, ServiceTier tier,
                                Set<Environment> environments, @Nullable String repositoryUrl,
                                @Nullable String runbookUrl, @Nullable String dashboardUrl) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public ServiceDefinition {
        slug = slug == null ? "" : slug.strip();
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        ownerTeam = ownerTeam == null ? "" : ownerTeam.strip();
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidInputException("slug",
                    "Use 2 to 64 characters: lower-case letters, digits or '-', starting with a letter");
        }
        if (name.isEmpty() || name.length() > 128) {
            throw new InvalidInputException("name", "Give a service name of 1 to 128 characters");
        }
        if (description.length() > 1000) {
            throw new InvalidInputException("description", "Keep the description under 1,000 characters");
        }
        if (ownerTeam.isEmpty()) {
            throw new InvalidInputException("ownerTeam", "Choose the team that owns the service");
        }
        if (tier == null) {
            throw new InvalidInputException("tier", "Choose a tier");
        }
        if (environments == null || environments.isEmpty()) {
            throw new InvalidInputException("environments", "Choose at least one environment");
        }
        environments = Set.copyOf(EnumSet.copyOf(environments));
        repositoryUrl = link("repositoryUrl", repositoryUrl);
        runbookUrl = link("runbookUrl", runbookUrl);
        dashboardUrl = link("dashboardUrl", dashboardUrl);
    }

    private static @Nullable String link(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || url.length() > 500) {
                throw new InvalidInputException(field, "Give an http:// or https:// link of at most 500 characters");
            }
        } catch (java.net.URISyntaxException e) {
            throw new InvalidInputException(field, "'" + url + "' is not a valid link");
        }
        return url;
    }
}
