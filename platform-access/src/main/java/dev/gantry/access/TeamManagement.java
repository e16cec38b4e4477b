package dev.gantry.access;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.identity.IdentityViews;
import dev.gantry.access.internal.identity.Membership;
import dev.gantry.access.internal.identity.Memberships;
import dev.gantry.access.internal.identity.RoleGrant;
import dev.gantry.access.internal.identity.RoleGrants;
import dev.gantry.access.internal.identity.Team;
import dev.gantry.access.internal.identity.Teams;
import dev.gantry.access.internal.identity.UserAccount;
import dev.gantry.access.internal.identity.UserAccounts;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams, who belongs to them, and the roles people hold globally or within a team. */
@Service
public class TeamManagement {

    private final Teams teams;
    private final Memberships memberships;
    private final RoleGrants grants;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final Clock clock;

    TeamManagement(Teams teams, Memberships memberships, RoleGrants grants, UserAccounts users, AuditTrail audit,
                   Clock clock) {
        this.teams = teams;
        this.memberships = memberships;
        this.grants = grants;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public TeamView create(NewTeam request) {
        if (teams.existsBySlug(request.slug())) {
            throw new ConflictException("slug", "A team with the slug '" + request.slug() + "' exists already");
        }
        Team team = teams.save(new Team(request.slug(), request.name(), request.description(), clock.instant()));
        audit.record(AuditRecord.success(Actors.current(), "team.created", "team:" + team.slug(),
                Map.of("name", team.name())));
        return view(team);
    }

    @PreAuthorize("hasAuthority('SIGNED_IN') or hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public List<TeamView> all() {
        return teams.findAllByOrderByNameAsc().stream().map(this::view).toList();
    }

    @PreAuthorize("hasAuthority('SIGNED_IN') or hasRole('ADMIN') or #username == authentication.name")
    @Transactional(readOnly = true)
    public List<TeamView> teamsOf(String username) {
        Optional<UserAccount> user = users.findByUsername(username);
        if (user.isEmpty()) {
            return List.of();
        }
        return memberships.findByKeyUserId(user.get().id()).stream()
                .map(m -> teams.findById(m.teamId()).orElseThrow())
                .sorted(Comparator.comparing(Team::name))
                .map(this::view).toList();
    }

    @PreAuthorize("hasAuthority('SIGNED_IN') or hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<UserView> members(String teamSlug) {
        Team team = loadTeam(teamSlug);
        return memberships.findByKeyTeamId(team.id()).stream()
                .map(m -> users.findById(m.userId()).orElseThrow())
                .sorted(Comparator.comparing(UserAccount::username))
                .map(IdentityViews::of).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void addMember(String teamSlug, String username) {
        Team team = loadTeam(teamSlug);
        UserAccount user = loadUser(username);
        Membership.Key key = new Membership.Key(team.id(), user.id());
        if (memberships.existsById(key)) {
            throw new ConflictException("username", "'" + username + "' is already a member of " + team.name());
        }
        memberships.save(new Membership(team.id(), user.id(), clock.instant()));
        audit.record(AuditRecord.success(Actors.current(), "team.member.added", "team:" + teamSlug,
                Map.of("user", username)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void removeMember(String teamSlug, String username) {
        Team team = loadTeam(teamSlug);
        UserAccount user = loadUser(username);
        Membership.Key key = new Membership.Key(team.id(), user.id());
        if (!memberships.existsById(key)) {
            throw new NotFoundException("Membership of '" + username + "' in " + team.name());
        }
        memberships.deleteById(key);
        // Team-scoped roles mean nothing outside the team.
        grants.findByUserId(user.id()).stream().filter(g -> team.id().equals(g.teamId())).forEach(grants::delete);
        audit.record(AuditRecord.success(Actors.current(), "team.member.removed", "team:" + teamSlug,
                Map.of("user", username)));
    }

    /** Grants a role globally ({@code teamSlug} null) or within a team the user belongs to. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public GrantView grant(String username, Role role, @Nullable String teamSlug) {
        UserAccount user = loadUser(username);
        Team team = teamSlug == null || teamSlug.isBlank() ? null : loadTeam(teamSlug);
        UUID teamId = team == null ? null : team.id();
        if (team != null && !memberships.existsById(new Membership.Key(team.id(), user.id()))) {
            throw new InvalidInputException("team",
                    "'" + username + "' is not a member of " + team.name() + "; add them to the team first");
        }
        boolean held = grants.findByUserId(user.id()).stream()
                .anyMatch(g -> g.role() == role && Objects.equals(g.teamId(), teamId));
        if (held) {
            throw new ConflictException("role", "'" + username + "' already holds " + role
                    + (team == null ? " globally" : " in " + team.name()));
        }
        RoleGrant grant = grants.save(new RoleGrant(user.id(), role, teamId, Actors.current(), clock.instant()));
        audit.record(AuditRecord.success(Actors.current(), "role.granted", "user:" + username,
                Map.of("role", role.name(), "scope", team == null ? "global" : "team:" + team.slug())));
        return view(grant, user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void revoke(UUID grantId) {
        RoleGrant grant = grants.findById(grantId).orElseThrow(() -> new NotFoundException("Grant " + grantId));
        UserAccount user = users.findById(grant.userId()).orElseThrow();
        if (grant.role() == Role.ADMIN && grant.teamId() == null && user.enabled()
                && grants.countOtherEnabledGlobalAdmins(user.id()) == 0) {
            throw new InvalidInputException("role",
                    "This is the last enabled administrator; grant ADMIN to someone else first");
        }
        grants.delete(grant);
        audit.record(AuditRecord.success(Actors.current(), "role.revoked", "user:" + user.username(),
                Map.of("role", grant.role().name(), "scope", scopeOf(grant))));
    }

    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR') or #username == authentication.name")
    @Transactional(readOnly = true)
    public List<GrantView> grantsOf(String username) {
        UserAccount user = loadUser(username);
        return grants.findByUserId(user.id()).stream()
                .sorted(Comparator.comparing(RoleGrant::grantedAt))
                .map(g -> view(g, user)).toList();
    }

    private String scopeOf(RoleGrant grant) {
        return grant.teamId() == null ? "global"
                : "team:" + teams.findById(grant.teamId()).map(Team::slug).orElse(grant.teamId().toString());
    }

    private GrantView view(RoleGrant g, UserAccount user) {
        String slug = g.teamId() == null ? null : teams.findById(g.teamId()).map(Team::slug).orElse(null);
        return new GrantView(g.id(), user.username(), g.role(), slug, g.grantedBy(), g.grantedAt());
    }

    private TeamView view(Team team) {
        return new TeamView(team.id(), team.slug(), team.name(), team.description(),
                memberships.countByKeyTeamId(team.id()));
    }

    private Team loadTeam(String slug) {
        return teams.findBySlug(slug).orElseThrow(() -> new NotFoundException("Team '" + slug + "'"));
    }

    private UserAccount loadUser(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("User '" + username + "'"));
    }
}
