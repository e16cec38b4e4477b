package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.policy.CompiledRule;
import dev.gantry.secrets.internal.policy.PathGlob;
import dev.gantry.secrets.internal.policy.PolicyCache;
import dev.gantry.secrets.internal.policy.PolicyEntity;
import dev.gantry.secrets.internal.policy.PolicyGrantEntity;
import dev.gantry.secrets.internal.policy.PolicyGrants;
import dev.gantry.secrets.internal.policy.PolicyRevisionEntity;
import dev.gantry.secrets.internal.policy.PolicyRevisions;
import dev.gantry.secrets.internal.policy.RulesText;
import dev.gantry.secrets.internal.policy.StoredPolicies;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Named access policies for the vault and who holds them. A policy is a list of rules ({@link PolicyRule}); a user,
 * every member of a team, or a vault token holds it. Administrators ({@code SECRETS_ADMIN}, {@code ADMIN}) manage
 * policies and grants; auditors may read them.
 *
 * <p>Every change writes a new version to the policy's history and an audit entry (with the version and a SHA-256
 * of the rules) in the same transaction, and takes effect on every node with the next permission check.
 */
@Service
public class SecretPolicies {

    public static final int MAX_RULES = 100;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_SUBJECT = 100;
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern TEAM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String MANAGERS = "hasAnyRole('SECRETS_ADMIN', 'ADMIN')";
    private static final String READERS = "hasAnyRole('SECRETS_ADMIN', 'ADMIN', 'AUDITOR')";

    private final StoredPolicies policies;
    private final PolicyRevisions revisions;
    private final PolicyGrants grants;
    private final PolicyCache cache;
    private final SecretPermissions permissions;
    private final AuditTrail audit;
    private final Clock clock;

    SecretPolicies(StoredPolicies policies, PolicyRevisions revisions, PolicyGrants grants, PolicyCache cache,
            SecretPermissions permissions, AuditTrail audit, Clock clock) {
        this.policies = policies;
        this.revisions = revisions;
        this.grants = grants;
        this.cache = cache;
        this.permissions = permissions;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException naming the field: {@code name}, {@code description}, {@code rules},
     *                               {@code rules[i].pathGlob} or {@code rules[i].capabilities}
     * @throws ConflictException     (field {@code name}) if a policy of that name exists
     */
    @Transactional
    @PreAuthorize(MANAGERS)
    public PolicyView create(String name, String description, List<PolicyRule> rules) {
        String checkedName = checkName(name);
        String checkedDescription = checkDescription(description);
        String rulesText = RulesText.format(compile(rules));
        if (policies.existsById(checkedName)) {
            throw new ConflictException("name", "a policy named " + checkedName + " exists");
        }
        long version = revisions.lastVersion(checkedName) + 1;
        Instant now = now();
        PolicyEntity policy;
        try {
            policy = policies.saveAndFlush(new PolicyEntity(checkedName, checkedDescription, version, rulesText,
                    now, actor()));
        } catch (DataIntegrityViolationException concurrentCreate) {
            throw new ConflictException("name", "a policy named " + checkedName + " was created at the same time");
        }
        recordRevision(policy, "secret-policy.created");
        return view(policy);
    }

    /**
     * Replaces description and rules, if the policy is still at {@code expectedVersion}.
     *
     * @throws ConflictException (field {@code version}) if someone changed it since
     */
    @Transactional
    @PreAuthorize(MANAGERS)
    public PolicyView update(String name, String description, List<PolicyRule> rules, long expectedVersion) {
        String checkedDescription = checkDescription(description);
        String rulesText = RulesText.format(compile(rules));
        PolicyEntity policy = policies.lockByName(name).orElseThrow(() -> notFound(name));
        if (policy.version() != expectedVersion) {
            throw new ConflictException("version", "the policy is at version " + policy.version()
                    + ", not " + expectedVersion + "; reload it and apply the change again");
        }
        policy.change(checkedDescription, rulesText, now(), actor());
        recordRevision(policy, "secret-policy.updated");
        return view(policy);
    }

    /** Deletes the policy and its grants; vault tokens that carry its name keep the name, which grants nothing. */
    @Transactional
    @PreAuthorize(MANAGERS)
    public void delete(String name) {
        PolicyEntity policy = policies.lockByName(name).orElseThrow(() -> notFound(name));
        List<PolicyGrantEntity> held = grants.findByPolicyNameOrderBySubjectKindAscSubjectAsc(name);
        grants.deleteAllInBatch(held);
        grants.flush();
        revisions.save(new PolicyRevisionEntity(policy.name(), policy.version() + 1, policy.description(),
                policy.rules(), true, now(), actor()));
        policies.delete(policy);
        cache.changed();
        audit.record(AuditRecord.success(actor(), "secret-policy.deleted", target(name), Map.of(
                "policy", name,
                "version", Long.toString(policy.version() + 1),
                "grantsRemoved", Integer.toString(held.size()))));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public PolicyView get(String name) {
        return view(policies.findById(name).orElseThrow(() -> notFound(name)));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<PolicyView> list() {
        return policies.findAllByOrderByName().stream().map(SecretPolicies::view).toList();
    }

    /** Every version the policy had, oldest first, including its deletion if it was deleted. */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<PolicyRevision> history(String name) {
        List<PolicyRevisionEntity> found = revisions.findByPolicyNameOrderByVersion(name);
        if (found.isEmpty()) {
            throw notFound(name);
        }
        return found.stream().map(revision -> new PolicyRevision(revision.policyName(), revision.version(),
                revision.description(), rules(revision.rules()), revision.deleted(), revision.changedAt(),
                revision.changedBy())).toList();
    }

    /**
     * Lets {@code subject} hold the policy. The user or team is not looked up: a grant to a name that does not
     * exist yet takes effect when it does.
     *
     * @return false if the subject already held it (nothing changed, nothing audited)
     */
    @Transactional
    @PreAuthorize(MANAGERS)
    public boolean grant(String policy, PolicySubject subject) {
        checkSubject(subject);
        policies.lockByName(policy).orElseThrow(() -> notFound(policy));
        if (grants.findByPolicyNameAndSubjectKindAndSubject(policy, subject.kind().name(), subject.name())
                .isPresent()) {
            return false;
        }
        grants.save(new PolicyGrantEntity(policy, subject.kind().name(), subject.name(), now(), actor()));
        cache.changed();
        audit.record(AuditRecord.success(actor(), "secret-policy.granted", target(policy), Map.of(
                "policy", policy,
                "subject", subject.toString())));
        return true;
    }

    /** @return false if the subject did not hold the policy */
    @Transactional
    @PreAuthorize(MANAGERS)
    public boolean revokeGrant(String policy, PolicySubject subject) {
        var found = grants.findByPolicyNameAndSubjectKindAndSubject(policy, subject.kind().name(), subject.name());
        if (found.isEmpty()) {
            return false;
        }
        grants.delete(found.get());
        cache.changed();
        audit.record(AuditRecord.success(actor(), "secret-policy.grant-revoked", target(policy), Map.of(
                "policy", policy,
                "subject", subject.toString())));
        return true;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public List<PolicyGrant> grantsOf(String policy) {
        return grants.findByPolicyNameOrderBySubjectKindAscSubjectAsc(policy).stream()
                .map(SecretPolicies::grantView).toList();
    }

    /** The policies granted to a user or team by name (not those their roles imply). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS + " or (#subject.kind().name() == 'USER' and #subject.name() == authentication.name)")
    public List<PolicyGrant> grantsTo(PolicySubject subject) {
        return grants.findBySubjectKindAndSubjectOrderByPolicyName(subject.kind().name(), subject.name()).stream()
                .map(SecretPolicies::grantView).toList();
    }

    /**
     * The names of the policies the caller holds now, built-in ones included: what a person may put on a vault
     * token, and what a token carries.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Set<String> currentPolicies() {
        return permissions.caller().policyNames();
    }

    /** What the caller may do on {@code path}, {@code admin} spelled out; for the UI to offer only what works. */
    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public Set<SecretCapability> capabilitiesOn(String path) {
        String canonical = SecretPath.parse(path).toString();
        Set<SecretCapability> effective = permissions.caller().accessTo(canonical).effective();
        return effective.isEmpty() ? Set.of() : EnumSet.copyOf(effective);
    }

    private void recordRevision(PolicyEntity policy, String action) {
        revisions.save(new PolicyRevisionEntity(policy.name(), policy.version(), policy.description(),
                policy.rules(), false, policy.updatedAt(), actor()));
        cache.changed();
        audit.record(AuditRecord.success(actor(), action, target(policy.name()), Map.of(
                "policy", policy.name(),
                "version", Long.toString(policy.version()),
                "rules", Integer.toString(policy.rules().split("\n").length),
                "rulesSha256", sha256(policy.rules()))));
    }

    private static List<CompiledRule> compile(List<PolicyRule> rules) {
        if (rules.isEmpty()) {
            throw new InvalidInputException("rules", "a policy needs at least one rule");
        }
        if (rules.size() > MAX_RULES) {
            throw new InvalidInputException("rules", "a policy holds at most " + MAX_RULES + " rules");
        }
        List<CompiledRule> compiled = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            String field = "rules[" + i + "]";
            PathGlob glob = PathGlob.parse(field + ".pathGlob", rule.pathGlob());
            Set<SecretCapability> capabilities = rule.capabilities();
            if (capabilities.isEmpty()) {
                throw new InvalidInputException(field + ".capabilities",
                        "name at least one capability, or deny");
            }
            if (capabilities.contains(SecretCapability.DENY) && capabilities.size() > 1) {
                throw new InvalidInputException(field + ".capabilities",
                        "deny stands alone: it takes every capability away on the matched paths");
            }
            compiled.add(new CompiledRule(glob, capabilities));
        }
        return compiled;
    }

    private static String checkName(String name) {
        String stripped = name.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new InvalidInputException("name", "1 to 64 lower-case letters, digits or hyphens, starting and "
                    + "ending with a letter or digit");
        }
        return stripped;
    }

    private static String checkDescription(String description) {
        String stripped = description.strip();
        if (stripped.length() > MAX_DESCRIPTION || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("description",
                    "at most " + MAX_DESCRIPTION + " characters, no control characters");
        }
        return stripped;
    }

    private static void checkSubject(PolicySubject subject) {
        String name = subject.name();
        boolean valid = switch (subject.kind()) {
            case USER -> !name.isBlank() && name.length() <= MAX_SUBJECT && name.equals(name.strip())
                    && name.chars().noneMatch(Character::isISOControl);
            case TEAM -> TEAM.matcher(name).matches();
        };
        if (!valid) {
            throw new InvalidInputException("subject", subject.kind() == PolicySubject.Kind.TEAM
                    ? "a team slug: lower-case letters, digits and hyphens"
                    : "a user name of 1 to " + MAX_SUBJECT + " characters, no surrounding spaces");
        }
    }

    private static PolicyView view(PolicyEntity policy) {
        return new PolicyView(policy.name(), policy.description(), policy.version(), rules(policy.rules()),
                policy.createdAt(), policy.createdBy(), policy.updatedAt(), policy.updatedBy());
    }

    private static List<PolicyRule> rules(String text) {
        return RulesText.parse(text).stream()
                .map(rule -> new PolicyRule(rule.glob().toString(), rule.capabilities())).toList();
    }

    private static PolicyGrant grantView(PolicyGrantEntity grant) {
        return new PolicyGrant(grant.policyName(), new PolicySubject(
                PolicySubject.Kind.valueOf(grant.subjectKind()), grant.subject()), grant.grantedAt(),
                grant.grantedBy());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("policy " + name);
    }

    private static String target(String name) {
        return "secret-policy:" + name;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
