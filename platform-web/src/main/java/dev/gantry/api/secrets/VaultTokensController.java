package dev.gantry.api.secrets;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.CreatedVaultToken;
import dev.gantry.secrets.NewVaultToken;
import dev.gantry.secrets.VaultTokenAuthentication;
import dev.gantry.secrets.VaultTokenView;
import dev.gantry.secrets.VaultTokens;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vault tokens over HTTP. A person (through an API token) creates machine and temporary tokens; a vault token
 * creates its own children, looks itself up, renews and revokes itself. {@link VaultTokens} checks ownership,
 * policies and lifetimes and audits each call; the token's value appears once, in the creating response.
 */
@RestController
@RequestMapping("/api/v1/secrets/tokens")
class VaultTokensController {

    private static final String DURATION = "\"1h\", \"90m\", \"7d\" or ISO-8601 \"PT1H\"";

    record CreateRequest(@Nullable String name, @Nullable List<String> policies, @Nullable String ttl,
            @Nullable String maxTtl, @Nullable Boolean renewable, @Nullable UUID parentId) {
    }

    record TemporaryRequest(@Nullable String name, @Nullable List<String> policies, @Nullable String ttl) {
    }

    record RenewRequest(@Nullable String increment) {
    }

    /** The value is shown this once; Gantry keeps only its digest. */
    record CreatedResponse(VaultTokenView token, String value) {

        @Override
        public String toString() {
            return "CreatedResponse[token=" + token.id() + ", value=hidden]";
        }
    }

    record RevokeResponse(int revoked) {
    }

    private final VaultTokens tokens;

    VaultTokensController(VaultTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Create a machine token",
            description = "Body {\"name\": \"ci-deploy\", \"policies\": [\"payments-ci\"], \"ttl\": \"1h\", "
                    + "\"maxTtl\": \"24h\", \"renewable\": true, \"parentId\": null}. Durations: " + DURATION + ". "
                    + "The token carries only policies its creator holds (a parent's, for a child); a request "
                    + "made with a vault token creates a child of that token. The value is in this response only.")
    ResponseEntity<CreatedResponse> create(@RequestBody CreateRequest request, HttpServletResponse response) {
        CreatedVaultToken created = tokens.create(new NewVaultToken(
                required("name", request.name()), policies(request.policies()),
                ApiDurations.required("ttl", request.ttl()), ApiDurations.optional("maxTtl", request.maxTtl()),
                Boolean.TRUE.equals(request.renewable()), request.parentId()));
        return created(created, response);
    }

    @PostMapping("/temporary")
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Create a short-lived token for yourself",
            description = "Body {\"name\": \"laptop\", \"policies\": [\"payments-dev\"], \"ttl\": \"2h\"}: never "
                    + "renewable, at most gantry.secrets.tokens.max-temporary-ttl (8h by default), and only "
                    + "policies you hold yourself.")
    ResponseEntity<CreatedResponse> createTemporary(@RequestBody TemporaryRequest request,
                                                    HttpServletResponse response) {
        CreatedVaultToken created = tokens.createTemporary(required("name", request.name()),
                policies(request.policies()), ApiDurations.required("ttl", request.ttl()));
        return created(created, response);
    }

    @GetMapping
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "Your vault tokens, newest first; administrators see every token, or one owner's",
            description = "Ended tokens stay listed for 30 days. Query owner=<user> (administrators) narrows the "
                    + "list to one owner.")
    List<VaultTokenView> list(@RequestParam(required = false) @Nullable String owner) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (owner != null && !owner.isBlank()) {
            return tokens.list(owner.strip());
        }
        return isAdministrator(caller) ? tokens.listAll() : tokens.list(caller.getName());
    }

    @GetMapping("/self")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Look up the vault token making the request")
    VaultTokenView lookupSelf() {
        return tokens.lookup(self().tokenId());
    }

    @GetMapping("/{id}")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Look up a token: its owner, an administrator, the token itself or an ancestor")
    VaultTokenView lookup(@PathVariable UUID id) {
        return tokens.lookup(id);
    }

    @PostMapping("/{id}/renew")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Renew a renewable token",
            description = "Body {\"increment\": \"1h\"} (optional; the token's TTL otherwise): extends to now plus "
                    + "the increment, never beyond its maximum lifetime. Not renewable or ended: 409.")
    VaultTokenView renew(@PathVariable UUID id, @RequestBody(required = false) @Nullable RenewRequest request) {
        return tokens.renew(id, increment(request));
    }

    @PostMapping("/renew-self")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Renew the vault token making the request", description = "Body as for renew.")
    VaultTokenView renewSelf(@RequestBody(required = false) @Nullable RenewRequest request) {
        return tokens.renew(self().tokenId(), increment(request));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Revoke a token and every token descending from it")
    RevokeResponse revoke(@PathVariable UUID id) {
        return new RevokeResponse(tokens.revoke(id));
    }

    private static ResponseEntity<CreatedResponse> created(CreatedVaultToken created, HttpServletResponse response) {
        RevealedSecretJson.noStore(response);
        return ResponseEntity.created(URI.create("/api/v1/secrets/tokens/" + created.token().id()))
                .body(new CreatedResponse(created.token(), created.value()));
    }

    private static VaultTokenAuthentication self() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof VaultTokenAuthentication token) {
            return token;
        }
        throw new InvalidInputException("Authorization",
                "this endpoint answers for the vault token making the request: send 'Authorization: Bearer gvt_...'");
    }

    private static @Nullable Duration increment(@Nullable RenewRequest request) {
        return request == null ? null : ApiDurations.optional("increment", request.increment());
    }

    private static boolean isAdministrator(Authentication caller) {
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if ("ROLE_SECRETS_ADMIN".equals(authority.getAuthority()) || "ROLE_ADMIN".equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }

    private static String required(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        return text;
    }

    private static Set<String> policies(@Nullable List<String> policies) {
        if (policies == null || policies.isEmpty()) {
            throw new InvalidInputException("policies", "name at least one policy, e.g. [\"payments-ci\"]");
        }
        if (policies.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new InvalidInputException("policies", "a policy name cannot be empty");
        }
        return Set.copyOf(policies);
    }
}
