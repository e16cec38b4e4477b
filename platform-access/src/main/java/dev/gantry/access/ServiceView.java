package dev.gantry.access;

import java.util.Set;
import java.util.UUID;

import dev.gantry.domain.Environment;
import org.jspecify.annotations.Nullable;

public record ServiceView(UUID id, String slug, String name, String description, String ownerTeamSlug,
                          String ownerTeamName, ServiceTier tier, Set<Environment> environments,
                          @Nullable String repositoryUrl, @Nullable String runbookUrl, @Nullable String dashboardUrl) {
}
