package dev.gantry.access;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.catalog.CatalogEntries;
import dev.gantry.access.internal.catalog.CatalogEntry;
import dev.gantry.access.internal.identity.Memberships;
import dev.gantry.access.internal.identity.Team;
import dev.gantry.access.internal.identity.Teams;
import dev.gantry.access.internal.identity.UserAccounts;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the organisation runs and who owns it. Everyone signed in may read the catalog; an admin, or an engineer of
 * the owning team, may change an entry.
 */
@Service
public class ServiceCatalog {

    private final CatalogEntries entries;
    private final Teams teams;
    private final Memberships memberships;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceCatalog(CatalogEntries entries, Teams teams, Memberships memberships, UserAccounts users, AuditTrail audit,
                   Clock clock) {
        this.entries = entries;
        this.teams = teams;
        this.memberships = memberships;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN') or hasAuthority('TEAM:' + #definition.ownerTeam() + ':ENGINEER')")
    @Transactional
    public ServiceView register(ServiceDefinition definition) {
        Team owner = ownerTeam(definition.ownerTeam());
        if (entries.existsBySlug(definition.slug())) {
            throw new ConflictException("slug", "A service with the slug '" + definition.slug() + "' exists already");
        }
        CatalogEntry entry = entries.save(new CatalogEntry(definition, owner.id(), clock.instant()));
        audit.record(AuditRecord.success(Actors.current(), "service.registered", "service:" + entry.slug(),
                Map.of("owner", owner.slug(), "tier", entry.tier().name())));
        return view(entry, owner);
    }

    /** Changing the owner needs the right on both the old and the new team, which the check inside enforces. */
    @PreAuthorize("hasRole('ADMIN') or hasAuthority('TEAM:' + #definition.ownerTeam() + ':ENGINEER')")
    @Transactional
    public ServiceView update(ServiceDefinition definition) {
        CatalogEntry entry = load(definition.slug());
        Team currentOwner = teams.findById(entry.ownerTeamId()).orElseThrow();
        if (!currentOwner.slug().equals(definition.ownerTeam()) && !Actors.mayEngineer(currentOwner.slug())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "Only an admin or an engineer of " + currentOwner.name() + " may hand the service over");
        }
        Team newOwner = ownerTeam(definition.ownerTeam());
        entry.apply(definition, newOwner.id());
        audit.record(AuditRecord.success(Actors.current(), "service.updated", "service:" + entry.slug(),
                Map.of("owner", newOwner.slug(), "tier", entry.tier().name())));
        return view(entry, newOwner);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void remove(String slug) {
        CatalogEntry entry = load(slug);
        entries.delete(entry);
        audit.record(AuditRecord.success(Actors.current(), "service.removed", "service:" + slug, Map.of()));
    }

    @PreAuthorize("hasAuthority('SIGNED_IN') or hasAnyRole('ADMIN','AUDITOR','VIEWER')")
    @Transactional(readOnly = true)
    public Page<ServiceView> find(String text, Pageable pageable) {
        return entries.search(text.strip().toLowerCase(), pageable).map(this::view);
    }

    @PreAuthorize("hasAuthority('SIGNED_IN') or hasAnyRole('ADMIN','AUDITOR','VIEWER')")
    @Transactional(readOnly = true)
    public ServiceView get(String slug) {
        return view(load(slug));
    }

    /** The services owned by the teams the user belongs to: the home page's "my services". */
    @PreAuthorize("hasAuthority('SIGNED_IN') or hasAnyRole('ADMIN','AUDITOR','VIEWER') or #username == authentication.name")
    @Transactional(readOnly = true)
    public List<ServiceView> ownedByTeamsOf(String username) {
        List<UUID> teamIds = users.findByUsername(username)
                .map(user -> memberships.findByKeyUserId(user.id()).stream().map(m -> m.teamId()).toList())
                .orElse(List.of());
        return entries.findByOwnerTeamIdInOrderByNameAsc(teamIds).stream().map(this::view).toList();
    }

    private Team ownerTeam(String slug) {
        return teams.findBySlug(slug)
                .orElseThrow(() -> new InvalidInputException("ownerTeam", "There is no team '" + slug + "'"));
    }

    private CatalogEntry load(String slug) {
        return entries.findBySlug(slug).orElseThrow(() -> new NotFoundException("Service '" + slug + "'"));
    }

    private ServiceView view(CatalogEntry entry) {
        return view(entry, teams.findById(entry.ownerTeamId()).orElseThrow());
    }

    private ServiceView view(CatalogEntry e, Team owner) {
        return new ServiceView(e.id(), e.slug(), e.name(), e.description(), owner.slug(), owner.name(), e.tier(),
                e.environmentSet(), e.repositoryUrl(), e.runbookUrl(), e.dashboardUrl());
    }
}
