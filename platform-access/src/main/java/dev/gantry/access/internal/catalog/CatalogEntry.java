package dev.gantry.access.internal.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.gantry.access.ServiceDefinition;
import dev.gantry.access.ServiceTier;
import dev.gantry.domain.Environment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "access_service")
public class CatalogEntry {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String description;
    @Column(name = "owner_team_id")
    private UUID ownerTeamId;
    @Enumerated(EnumType.STRING)
    private ServiceTier tier;
    // Stored as a comma-separated list: three values, never queried by element.
    private String environments;
    @Column(name = "repository_url")
    private @Nullable String repositoryUrl;
    @Column(name = "runbook_url")
    private @Nullable String runbookUrl;
    @Column(name = "dashboard_url")
    private @Nullable String dashboardUrl;
    @Column(name = "created_at")
    private Instant createdAt;

    protected CatalogEntry() {
    }

    public CatalogEntry(ServiceDefinition definition, UUID ownerTeamId, Instant now) {
        this.id = UUID.randomUUID();
        this.slug = definition.slug();
        this.createdAt = now;
        apply(definition, ownerTeamId);
    }

    public void apply(ServiceDefinition definition, UUID newOwnerTeamId) {
        name = definition.name();
        description = definition.description();
        ownerTeamId = newOwnerTeamId;
        tier = definition.tier();
        environments = EnumSet.copyOf(definition.environments()).stream().map(Enum::name)
                .collect(Collectors.joining(","));
        repositoryUrl = definition.repositoryUrl();
        runbookUrl = definition.runbookUrl();
        dashboardUrl = definition.dashboardUrl();
    }

    public Set<Environment> environmentSet() {
        return Arrays.stream(environments.split(",")).map(Environment::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Environment.class)));
    }

    public UUID id() { return id; }
    public String slug() { return slug; }
    public String name() { return name; }
    public String description() { return description; }
    public UUID ownerTeamId() { return ownerTeamId; }
    public ServiceTier tier() { return tier; }
    public @Nullable String repositoryUrl() { return repositoryUrl; }
    public @Nullable String runbookUrl() { return runbookUrl; }
    public @Nullable String dashboardUrl() { return dashboardUrl; }
}
