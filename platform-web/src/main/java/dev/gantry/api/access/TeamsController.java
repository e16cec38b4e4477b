package dev.gantry.api.access;

import java.util.List;

import dev.gantry.access.GrantView;
import dev.gantry.access.NewTeam;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.api.RequestValues;
import dev.gantry.domain.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teams, members and role grants over HTTP: for provisioning scripts run with an admin's token. */
@RestController
@RequestMapping("/api/v1/teams")
class TeamsController {

    record TeamRequest(String slug, String name, String description) {
    }

    record MemberRequest(String username) {
    }

    record GrantRequest(String username, String role, String team) {
    }

    private final TeamManagement teams;

    TeamsController(TeamManagement teams) {
        this.teams = teams;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_users:read')")
    List<TeamView> list() {
        return teams.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SCOPE_teams:write')")
    TeamView create(@RequestBody TeamRequest request) {
        return teams.create(new NewTeam(request.slug(), request.name(), request.description()));
    }

    @PostMapping("/{slug}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAuthority('SCOPE_teams:write')")
    void addMember(@PathVariable String slug, @RequestBody MemberRequest request) {
        teams.addMember(slug, request.username());
    }

    @PostMapping("/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    GrantView grant(@RequestBody GrantRequest request) {
        return teams.grant(request.username(), RequestValues.enumValue(Role.class, "role", request.role()),
                request.team());
    }
}
