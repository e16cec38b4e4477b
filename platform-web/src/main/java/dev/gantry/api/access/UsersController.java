package dev.gantry.api.access;

import dev.gantry.access.AccountKind;
import dev.gantry.access.CreatedUser;
import dev.gantry.access.NewUser;
import dev.gantry.access.UserManagement;
import dev.gantry.access.UserView;
import dev.gantry.api.PageResponse;
import dev.gantry.api.RequestValues;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    record UserRequest(String username, String displayName, String email, String kind) {
    }

    /** The one-time password is in the response of the creating call and nowhere else. */
    record CreatedUserResponse(UserView user, String oneTimePassword) {
    }

    private final UserManagement users;

    UsersController(UserManagement users) {
        this.users = users;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SCOPE_users:read')")
    PageResponse<UserView> list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(users.find(q, PageResponse.request(page, size, Sort.by("username"))));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    CreatedUserResponse create(@RequestBody UserRequest request) {
        AccountKind kind = request.kind() == null ? AccountKind.PERSON
                : RequestValues.enumValue(AccountKind.class, "kind", request.kind());
        CreatedUser created = users.create(new NewUser(request.username(), request.displayName(), request.email(),
                kind));
        return new CreatedUserResponse(created.user(), created.oneTimePassword());
    }

    @PostMapping("/{username}/disable")
    @PreAuthorize("hasAuthority('SCOPE_users:write')")
    UserView disable(@PathVariable String username) {
        return users.disable(username);
    }
}
