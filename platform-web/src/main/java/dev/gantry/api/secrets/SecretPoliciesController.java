package dev.gantry.api.secrets;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.PolicyGrant;
import dev.gantry.secrets.PolicyRevision;
import dev.gantry.secrets.PolicyRule;
import dev.gantry.secrets.PolicySubject;
import dev.gantry.secrets.PolicyView;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import io.swagger.v3.oas.annotations.Operation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Path policies (ADR 6) and who holds them. {@link SecretPolicies} lets {@code SECRETS_ADMIN} and {@code ADMIN}
 * change them and {@code AUDITOR} read them, and audits every change with its version.
 */
@RestController
@RequestMapping("/api/v1/secrets")
class SecretPoliciesController {

    /** Capabilities by their wire names: read, write, list, delete, rollback, rotate, admin, deny. */
    record Rule(@Nullable String pathGlob, @Nullable List<String> capabilities) {
    }

    record CreateRequest(@Nullable String name, @Nullable String description, @Nullable List<Rule> rules) {
    }

    /** {@code version} is the version the change was made against; a newer stored version answers 409. */
    record UpdateRequest(@Nullable String description, @Nullable List<Rule> rules, @Nullable Long version) {
    }

    record GrantRequest(@Nullable String kind, @Nullable String name) {
    }

    record PolicyDocument(String name, String description, long version, List<Rule> rules, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy) {
    }

    record RevisionDocument(long version, String description, List<Rule> rules, boolean deleted, Instant changedAt,
            String changedBy) {
    }

    record GrantDocument(String policy, String kind, String name, Instant grantedAt, String grantedBy) {
    }

    record CapabilitiesDocument(String path, List<String> capabilities) {
    }

    private final SecretPolicies policies;

    SecretPoliciesController(SecretPolicies policies) {
        this.policies = policies;
    }

    @GetMapping("/policies")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "Every stored policy, by name (built-in policies are implied by roles, not listed)")
    List<PolicyDocument> list() {
        return policies.list().stream().map(SecretPoliciesController::document).toList();
    }

    @GetMapping("/policies/{name}")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "One policy with its rules and version")
    PolicyDocument get(@PathVariable String name) {
        return document(policies.get(name));
    }

    @GetMapping("/policies/{name}/history")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "Every version the policy had, its deletion included")
    List<RevisionDocument> history(@PathVariable String name) {
        return policies.history(name).stream().map(SecretPoliciesController::revision).toList();
    }

    @PostMapping("/policies")
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Create a policy", description = "Body {\"name\": \"payments-ci\", \"description\": "
            + "\"...\", \"rules\": [{\"pathGlob\": \"payments/*/prod/**\", \"capabilities\": [\"read\", "
            + "\"list\"]}]}. A bad rule answers 400 naming rules[i].pathGlob or rules[i].capabilities.")
    ResponseEntity<PolicyDocument> create(@RequestBody CreateRequest request) {
        PolicyView created = policies.create(required("name", request.name()),
                request.description() == null ? "" : request.description(), rules(request.rules()));
        return ResponseEntity.created(URI.create("/api/v1/secrets/policies/" + created.name()))
                .body(document(created));
    }

    @PutMapping("/policies/{name}")
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Replace a policy's description and rules",
            description = "Body {\"description\": \"...\", \"rules\": [...], \"version\": n}: n is the version you "
                    + "read; if someone changed it since, 409 with field version and nothing changes.")
    PolicyDocument update(@PathVariable String name, @RequestBody UpdateRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "send the version you are changing, as read");
        }
        return document(policies.update(name, request.description() == null ? "" : request.description(),
                rules(request.rules()), request.version()));
    }

    @DeleteMapping("/policies/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Delete a policy and its grants; tokens carrying its name are granted nothing by it")
    void delete(@PathVariable String name) {
        policies.delete(name);
    }

    @GetMapping("/policies/{name}/grants")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "The users and teams holding a policy")
    List<GrantDocument> grants(@PathVariable String name) {
        return policies.grantsOf(name).stream().map(SecretPoliciesController::grant).toList();
    }

    @PostMapping("/policies/{name}/grants")
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Let a user or every member of a team hold the policy",
            description = "Body {\"kind\": \"user\"|\"team\", \"name\": \"...\"}. 201 when granted, 200 when the "
                    + "subject held it already.")
    ResponseEntity<List<GrantDocument>> grant(@PathVariable String name, @RequestBody GrantRequest request) {
        boolean granted = policies.grant(name, subject(request));
        List<GrantDocument> all = grants(name);
        return granted ? ResponseEntity.status(HttpStatus.CREATED).body(all) : ResponseEntity.ok(all);
    }

    @DeleteMapping("/policies/{name}/grants")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.PEOPLE_WRITE)
    @Operation(summary = "Take the policy away from a user or team",
            description = "Body {\"kind\": \"user\"|\"team\", \"name\": \"...\"}; 404 if they did not hold it.")
    void revokeGrant(@PathVariable String name, @RequestBody GrantRequest request) {
        PolicySubject subject = subject(request);
        if (!policies.revokeGrant(name, subject)) {
            throw new NotFoundException("grant of " + name + " to " + subject);
        }
    }

    @GetMapping("/capabilities")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "What the caller may do on a secret path, admin spelled out")
    CapabilitiesDocument capabilities(@RequestParam String path) {
        String canonical = SecretPaths.fromUrl(path);
        Set<SecretCapability> held = policies.capabilitiesOn(canonical);
        return new CapabilitiesDocument(canonical, held.stream().map(SecretCapability::wireName).toList());
    }

    private static List<PolicyRule> rules(@Nullable List<Rule> rules) {
        if (rules == null || rules.isEmpty()) {
            throw new InvalidInputException("rules", "a policy needs at least one rule");
        }
        List<PolicyRule> parsed = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String field = "rules[" + i + "]";
            if (rule == null || rule.pathGlob() == null || rule.pathGlob().isBlank()) {
                throw new InvalidInputException(field + ".pathGlob", "required, e.g. payments/**");
            }
            if (rule.capabilities() == null || rule.capabilities().isEmpty()) {
                throw new InvalidInputException(field + ".capabilities", "name at least one capability, or deny");
            }
            EnumSet<SecretCapability> capabilities = EnumSet.noneOf(SecretCapability.class);
            for (String capability : rule.capabilities()) {
                if (capability == null) {
                    throw new InvalidInputException(field + ".capabilities", "a capability cannot be null");
                }
                capabilities.add(SecretCapability.fromWireName(field + ".capabilities", capability));
            }
            parsed.add(new PolicyRule(rule.pathGlob(), capabilities));
        }
        return parsed;
    }

    private static PolicySubject subject(GrantRequest request) {
        String name = required("name", request.name());
        String kind = required("kind", request.kind()).strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "user" -> PolicySubject.user(name);
            case "team" -> PolicySubject.team(name);
            default -> throw new InvalidInputException("kind", "user or team");
        };
    }

    private static String required(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        return text;
    }

    private static List<Rule> ruleDocuments(List<PolicyRule> rules) {
        return rules.stream().map(rule -> new Rule(rule.pathGlob(),
                rule.capabilities().stream().map(SecretCapability::wireName).toList())).toList();
    }

    private static PolicyDocument document(PolicyView view) {
        return new PolicyDocument(view.name(), view.description(), view.version(), ruleDocuments(view.rules()),
                view.createdAt(), view.createdBy(), view.updatedAt(), view.updatedBy());
    }

    private static RevisionDocument revision(PolicyRevision revision) {
        return new RevisionDocument(revision.version(), revision.description(), ruleDocuments(revision.rules()),
                revision.deleted(), revision.changedAt(), revision.changedBy());
    }

    private static GrantDocument grant(PolicyGrant grant) {
        return new GrantDocument(grant.policy(), grant.subject().kind().name().toLowerCase(Locale.ROOT),
                grant.subject().name(), grant.grantedAt(), grant.grantedBy());
    }
}
