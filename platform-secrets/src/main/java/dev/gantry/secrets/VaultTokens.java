package dev.gantry.secrets;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.token.TokenFormat;
import dev.gantry.secrets.internal.Actors;
import dev.gantry.secrets.internal.policy.PolicyCache;
import dev.gantry.secrets.internal.token.StoredVaultTokens;
import dev.gantry.secrets.internal.token.VaultTokenEntity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vault tokens: bearer credentials for machines (CI, scripts) and short-lived personal access, distinct from the
 * REST API's tokens. A token carries policy names; a request authenticated with it ({@link #authenticate}) is
 * allowed what those policies allow, checked by {@link SecretVault} as for a person.
 *
 * <ul>
 *   <li>The value is {@code gvt_} and 256 random bits, shown once; only its SHA-256 is stored, and the digest is
 *       compared in constant time.</li>
 *   <li>A token carries only policies its creator holds (administrators excepted), a child only policies its
 *       parent carries, and a child never outlives its parent's maximum lifetime.</li>
 *   <li>Renewal extends a renewable token by its TTL (or a given increment), never beyond its maximum lifetime.</li>
 *   <li>Revoking a token revokes all its descendants in the same transaction; a token whose ancestor was revoked or
 *       expired is refused even before {@link #purgeExpired} marks it.</li>
 *   <li>Every creation, renewal, revocation and refusal is audited, with the token's id, never its value.</li>
 * </ul>
 */
@Service
public class VaultTokens {

    public static final String ACTOR_PREFIX = VaultTokenAuthentication.ACTOR_PREFIX;
    public static final int MAX_NAME = 80;
    public static final int MAX_POLICIES = 20;
    public static final int MAX_POLICY_NAME = 80;
    /** How many ancestors a token may have; bounds the walk up the family tree on every authentication. */
    public static final int MAX_DEPTH = 8;
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** Ended tokens stay listed this long, for the owner and the audit view, before {@link #purgeExpired}. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final String PURGE_ACTOR = "system:vault-token-purge";

    /**
     * Vault tokens: {@code gvt_} and 256 random bits, a prefix other than the API tokens' {@code gty_} so a leaked
     * token says which kind it is, and secret scanners can look for it.
     */
    private static final TokenFormat FORMAT = new TokenFormat("gvt_");

    private final StoredVaultTokens tokens;
    private final PolicyCache policies;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration maxTtl;
    private final Duration maxTemporaryTtl;

    VaultTokens(StoredVaultTokens tokens, PolicyCache policies, AuditTrail audit,
            Clock clock,
            @Value("${gantry.secrets.tokens.max-ttl:768h}") Duration maxTtl,
            @Value("${gantry.secrets.tokens.max-temporary-ttl:8h}") Duration maxTemporaryTtl) {
        if (maxTtl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("gantry.secrets.tokens.max-ttl must be at least " + MIN_TTL);
        }
        if (maxTemporaryTtl.compareTo(MIN_TTL) < 0 || maxTemporaryTtl.compareTo(maxTtl) > 0) {
            throw new IllegalArgumentException("gantry.secrets.tokens.max-temporary-ttl must be between "
                    + MIN_TTL + " and gantry.secrets.tokens.max-ttl");
        }
        this.tokens = tokens;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
        this.maxTtl = maxTtl;
        this.maxTemporaryTtl = maxTemporaryTtl;
    }

    /**
     * Creates a machine token owned by the caller (by the calling token's owner if the caller is a vault token,
     * which then becomes the parent). The returned value is the only copy.
     *
     * @throws InvalidInputException naming {@code name}, {@code policies}, {@code ttl}, {@code maxTtl} or
     *                               {@code parentId}
     * @throws NotFoundException     if the parent does not exist
     * @throws ConflictException     (field {@code parentId}) if the parent is revoked or expired
     * @throws AccessDeniedException (audited) if the token would carry a policy the creator or parent lacks, or the
     *                               parent belongs to someone else
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public CreatedVaultToken create(NewVaultToken request) {
        Authentication caller = caller();
        String name = checkName(request.name());
        Set<String> wanted = checkPolicyNames(request.policies());
        Duration ttl = checkTtl("ttl", request.ttl(), maxTtl);
        Duration lifetime = request.renewable() && request.maxTtl() != null ? request.maxTtl() : ttl;
        if (lifetime.compareTo(ttl) < 0) {
            throw new InvalidInputException("maxTtl", "the maximum lifetime must be at least the ttl");
        }
        checkTtl("maxTtl", lifetime, maxTtl);
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        Instant maxExpiresAt = now.plus(lifetime);

        PolicyCache.Snapshot snapshot = policies.current();
        for (String policy : wanted) {
            if (snapshot.policy(policy).isEmpty()) {
                throw new InvalidInputException("policies", "there is no policy named " + policy);
            }
        }
        UUID parentId = request.parentId();
        String owner = caller.getName();
        if (caller instanceof VaultTokenAuthentication self) {
            if (parentId != null && !parentId.equals(self.tokenId())) {
                throw deny("vault-token.created", target(parentId), self.owner(),
                        "a vault token creates children of itself only");
            }
            parentId = self.tokenId();
            owner = self.owner();
        }
        if (parentId != null) {
            VaultTokenEntity parent = tokens.lockById(parentId).orElseThrow(() -> notFound(request.parentId()));
            if (!(caller instanceof VaultTokenAuthentication) && !parent.owner().equals(owner)
                    && !SecretPermissions.isAdministrator(caller)) {
                throw deny("vault-token.created", target(parentId), owner, "not the owner of the parent token");
            }
            Integer parentDepth = depthIfAlive(parent, now);
            if (parentDepth == null) {
                throw new ConflictException("parentId", "the parent token is revoked or expired");
            }
            Set<String> beyond = beyond(wanted, parent.policies());
            if (!beyond.isEmpty()) {
                throw deny("vault-token.created", target(parentId), owner,
                        "policies the parent token does not carry: " + String.join(" ", beyond));
            }
            if (maxExpiresAt.isAfter(parent.maxExpiresAt())) {
                throw new InvalidInputException(lifetime.equals(ttl) ? "ttl" : "maxTtl",
                        "a child token cannot outlive its parent, which lives until " + parent.maxExpiresAt()
                                + " at most");
            }
            if (parentDepth + 1 > MAX_DEPTH) {
                throw new InvalidInputException("parentId", "tokens nest at most " + MAX_DEPTH + " generations");
            }
        } else if (!SecretPermissions.isAdministrator(caller)) {
            Set<String> beyond = beyond(wanted, SecretPermissions.policyNames(caller, snapshot));
            if (!beyond.isEmpty()) {
                throw deny("vault-token.created", "vault-token:new", owner,
                        "policies the creator does not hold: " + String.join(" ", beyond));
            }
        }
        return issue(owner, name, VaultTokenKind.MACHINE, wanted, parentId, request.renewable(), ttl, now,
                expiresAt, maxExpiresAt);
    }

    /**
     * A token for the signed-in person themselves, e.g. for a script on their machine: at most
     * {@code gantry.secrets.tokens.max-temporary-ttl} (8 hours by default), never renewable, and only policies
     * they hold themselves, administrators included.
     *
     * @throws AccessDeniedException (audited) for a policy the caller does not hold, or if the caller is a token
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public CreatedVaultToken createTemporary(String name, Set<String> requestedPolicies, Duration ttl) {
        Authentication caller = caller();
        if (caller instanceof VaultTokenAuthentication token) {
            throw deny("vault-token.created", "vault-token:new", token.owner(),
                    "temporary tokens are for people, not tokens");
        }
        String checkedName = checkName(name);
        Set<String> wanted = checkPolicyNames(requestedPolicies);
        Duration checkedTtl = checkTtl("ttl", ttl, maxTemporaryTtl);
        Set<String> beyond = beyond(wanted, SecretPermissions.policyNames(caller, policies.current()));
        if (!beyond.isEmpty()) {
            throw deny("vault-token.created", "vault-token:new", caller.getName(),
                    "policies the requester does not hold: " + String.join(" ", beyond));
        }
        Instant now = now();
        Instant expiresAt = now.plus(checkedTtl);
        return issue(caller.getName(), checkedName, VaultTokenKind.TEMPORARY, wanted, null, false, checkedTtl, now,
                expiresAt, expiresAt);
    }

    /**
     * The authentication for a request presenting {@code rawToken}, or empty if it is not a working vault token.
     * Put the result in the security context; {@link SecretVault} then applies the token's policies. A known token
     * refused because it was revoked or expired (or an ancestor was) is audited; a value that matches no token is
     * not, since it names nothing and would let anyone fill the audit trail.
     */
    @Transactional
    public Optional<VaultTokenAuthentication> authenticate(@Nullable String rawToken) {
        if (rawToken == null || !FORMAT.wellFormed(rawToken)) {
            return Optional.empty();
        }
        byte[] digest = FORMAT.digest(rawToken);
        Optional<VaultTokenEntity> found = tokens.findByTokenHash(TokenFormat.hex(digest));
        if (found.isEmpty() || !FORMAT.matches(digest, found.get().tokenHash())) {
            return Optional.empty();
        }
        VaultTokenEntity token = found.get();
        Instant now = now();
        String refusal = token.revokedAt() != null ? "revoked"
                : !now.isBefore(token.expiresAt()) ? "expired"
                : depthIfAlive(token, now) == null ? "an ancestor token was revoked or expired"
                : null;
        if (refusal != null) {
            audit.record(new AuditRecord(ACTOR_PREFIX + token.id(), "vault-token.authenticated", target(token.id()),
                    AuditOutcome.DENIED, Map.of("tokenId", token.id().toString(), "owner", token.owner(),
                            "reason", refusal)));
            return Optional.empty();
        }
        return Optional.of(new VaultTokenAuthentication(new VaultTokenPrincipal(token.id(), token.owner(),
                token.name(), token.policies(), token.expiresAt())));
    }

    /**
     * One token, for its owner, an administrator, or the token itself and its ancestors.
     *
     * @throws AccessDeniedException (audited) for anyone else
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public VaultTokenView lookup(UUID tokenId) {
        VaultTokenEntity token = tokens.findById(tokenId).orElseThrow(() -> notFound(tokenId));
        requireManage(token, "vault-token.looked-up");
        return view(token, now());
    }

    /**
     * Extends a renewable token: to now plus {@code increment} (its TTL if null), never beyond its maximum lifetime
     * and never shorter than it already lives.
     *
     * @throws ConflictException     (audited) if the token is not renewable, or revoked or expired
     * @throws AccessDeniedException (audited) for anyone but its owner, an administrator, itself or an ancestor
     */
    @Transactional(noRollbackFor = {AccessDeniedException.class, ConflictException.class})
    @PreAuthorize("isAuthenticated()")
    public VaultTokenView renew(UUID tokenId, @Nullable Duration increment) {
        VaultTokenEntity token = tokens.lockById(tokenId).orElseThrow(() -> notFound(tokenId));
        requireManage(token, "vault-token.renewed");
        Duration extension = increment != null ? increment : Duration.ofSeconds(token.ttlSeconds());
        if (extension.compareTo(MIN_TTL) < 0) {
            throw new InvalidInputException("increment", "renew by at least " + MIN_TTL.toMinutes() + " minute");
        }
        Instant now = now();
        if (!token.renewable()) {
            throw refuseRenewal(token, "renewable", "this token is not renewable");
        }
        if (depthIfAlive(token, now) == null) {
            throw refuseRenewal(token, "tokenId", "this token is revoked or expired");
        }
        Instant wanted = now.plus(extension);
        Instant capped = wanted.isAfter(token.maxExpiresAt()) ? token.maxExpiresAt() : wanted;
        if (capped.isAfter(token.expiresAt())) {
            token.extendTo(capped);
        }
        audit.record(AuditRecord.success(actor(), "vault-token.renewed", target(tokenId), Map.of(
                "tokenId", tokenId.toString(),
                "owner", token.owner(),
                "expiresAt", token.expiresAt().toString(),
                "cappedAtMaxTtl", Boolean.toString(wanted.isAfter(token.maxExpiresAt())))));
        return view(token, now);
    }

    /**
     * Revokes the token and every token descending from it, in this one transaction: if any revocation cannot be
     * written or audited, none happens.
     *
     * @return how many tokens this revoked (0 if all already were)
     * @throws AccessDeniedException (audited) for anyone but its owner, an administrator, itself or an ancestor
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public int revoke(UUID tokenId) {
        VaultTokenEntity token = tokens.lockById(tokenId).orElseThrow(() -> notFound(tokenId));
        requireManage(token, "vault-token.revoked");
        return revokeFamily(token, now(), actor(), "revoked by " + actor());
    }

    /** Revokes every working token of {@code owner} and their descendants, e.g. when the user is disabled. */
    @Transactional
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'ADMIN') or #owner == authentication.name")
    public int revokeAllOwnedBy(String owner) {
        Instant now = now();
        int revoked = 0;
        for (VaultTokenEntity token : tokens.findByOwnerAndRevokedAtIsNull(owner)) {
            revoked += revokeFamily(token, now, actor(), "all tokens of " + owner + " revoked");
        }
        return revoked;
    }

    /** The owner's tokens, newest first, including ended ones until they are purged. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'ADMIN') or #owner == authentication.name")
    public List<VaultTokenView> list(String owner) {
        Instant now = now();
        return tokens.findByOwnerOrderByCreatedAtDescIdAsc(owner).stream().map(token -> view(token, now)).toList();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('SECRETS_ADMIN', 'ADMIN')")
    public List<VaultTokenView> listAll() {
        Instant now = now();
        return tokens.findAllByOrderByCreatedAtDescIdAsc().stream().map(token -> view(token, now)).toList();
    }

    /**
     * Revokes the descendants of tokens that ended (Vault's semantics: a child dies with its parent), then deletes
     * tokens that ended more than {@link #RETENTION} ago, one audit entry each. For a scheduled job: it needs no
     * signed-in user.
     *
     * @return how many tokens were deleted
     */
    @Transactional
    public int purgeExpired() {
        Instant now = now();
        for (int round = 0; round <= MAX_DEPTH; round++) {
            List<VaultTokenEntity> orphans = tokens.findOrphanedAt(now);
            if (orphans.isEmpty()) {
                break;
            }
            for (VaultTokenEntity orphan : orphans) {
                revokeFamily(orphan, now, PURGE_ACTOR, "parent token ended");
            }
            tokens.flush();
        }
        List<VaultTokenEntity> ended = tokens.findEndedBefore(now.minus(RETENTION));
        for (VaultTokenEntity token : ended) {
            audit.record(AuditRecord.success(PURGE_ACTOR, "vault-token.purged", target(token.id()), Map.of(
                    "tokenId", token.id().toString(),
                    "owner", token.owner(),
                    "reason", token.revokedAt() != null ? "revoked" : "expired")));
        }
        tokens.deleteAllInBatch(ended);
        return ended.size();
    }

    private CreatedVaultToken issue(String owner, String name, VaultTokenKind kind, Set<String> policyNames,
            @Nullable UUID parentId, boolean renewable, Duration ttl, Instant now, Instant expiresAt,
            Instant maxExpiresAt) {
        String value = FORMAT.newValue();
        VaultTokenEntity token = tokens.save(new VaultTokenEntity(UUID.randomUUID(), FORMAT.hexDigest(value),
                owner, name, kind.name(), policyNames, parentId, renewable, ttl.toSeconds(), now, actor(), expiresAt,
                maxExpiresAt));
        audit.record(AuditRecord.success(actor(), "vault-token.created", target(token.id()), Map.of(
                "tokenId", token.id().toString(),
                "owner", owner,
                "name", name,
                "kind", kind.name(),
                "policies", String.join(" ", new TreeSet<>(policyNames)),
                "parentId", parentId == null ? "none" : parentId.toString(),
                "renewable", Boolean.toString(renewable),
                "expiresAt", expiresAt.toString(),
                "maxExpiresAt", maxExpiresAt.toString())));
        return new CreatedVaultToken(view(token, now), value);
    }

    private int revokeFamily(VaultTokenEntity root, Instant now, String actor, String reason) {
        int revoked = 0;
        Deque<VaultTokenEntity> pending = new ArrayDeque<>(List.of(root));
        Set<UUID> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            VaultTokenEntity token = pending.removeFirst();
            if (!seen.add(token.id())) {
                continue;
            }
            if (token.revokedAt() == null) {
                String why = token == root ? reason : "ancestor " + root.id() + " revoked";
                token.revoke(now, actor, why.length() > 100 ? why.substring(0, 100) : why);
                audit.record(AuditRecord.success(actor, "vault-token.revoked", target(token.id()), Map.of(
                        "tokenId", token.id().toString(),
                        "owner", token.owner(),
                        "name", token.name(),
                        "reason", why)));
                revoked++;
            }
            pending.addAll(tokens.findByParentId(token.id()));
        }
        return revoked;
    }

    /** How many ancestors the token has, if it and all of them are usable now; null otherwise. */
    private @Nullable Integer depthIfAlive(VaultTokenEntity token, Instant now) {
        VaultTokenEntity current = token;
        for (int depth = 0; depth <= MAX_DEPTH; depth++) {
            if (!current.usableAt(now)) {
                return null;
            }
            UUID parentId = current.parentId();
            if (parentId == null) {
                return depth;
            }
            current = tokens.findById(parentId).orElse(null);
            if (current == null) {
                return null;
            }
        }
        return null;
    }

    private boolean isAncestor(UUID candidate, VaultTokenEntity token) {
        UUID parentId = token.parentId();
        for (int depth = 0; parentId != null && depth <= MAX_DEPTH; depth++) {
            if (parentId.equals(candidate)) {
                return true;
            }
            parentId = tokens.findById(parentId).map(VaultTokenEntity::parentId).orElse(null);
        }
        return false;
    }

    private void requireManage(VaultTokenEntity token, String action) {
        Authentication caller = caller();
        boolean allowed = caller instanceof VaultTokenAuthentication self
                ? self.tokenId().equals(token.id()) || isAncestor(self.tokenId(), token)
                : SecretPermissions.isAdministrator(caller)
                        || (SecretPermissions.signedInPerson(caller) && caller.getName().equals(token.owner()));
        if (!allowed) {
            throw deny(action, target(token.id()), token.owner(), "not the owner of the token");
        }
    }

    private ConflictException refuseRenewal(VaultTokenEntity token, String field, String reason) {
        audit.record(new AuditRecord(actor(), "vault-token.renewed", target(token.id()), AuditOutcome.DENIED,
                Map.of("tokenId", token.id().toString(), "owner", token.owner(), "reason", reason)));
        return new ConflictException(field, reason);
    }

    private AccessDeniedException deny(String action, String target, String owner, String reason) {
        audit.record(new AuditRecord(actor(), action, target, AuditOutcome.DENIED,
                Map.of("owner", owner, "reason", reason)));
        return new AccessDeniedException(reason);
    }

    private static Set<String> beyond(Set<String> wanted, Set<String> held) {
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(held);
        return missing;
    }

    private static String checkName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "1 to " + MAX_NAME + " characters, no control characters");
        }
        return stripped;
    }

    private static Set<String> checkPolicyNames(Set<String> names) {
        if (names.isEmpty() || names.size() > MAX_POLICIES) {
            throw new InvalidInputException("policies", "a token carries 1 to " + MAX_POLICIES + " policies");
        }
        Set<String> checked = new TreeSet<>();
        for (String name : names) {
            if (name.isEmpty() || name.length() > MAX_POLICY_NAME
                    || name.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new InvalidInputException("policies", "policy names have 1 to " + MAX_POLICY_NAME
                        + " characters and no spaces");
            }
            checked.add(name);
        }
        return checked;
    }

    private static Duration checkTtl(String field, Duration ttl, Duration max) {
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(max) > 0) {
            throw new InvalidInputException(field, "between " + describe(MIN_TTL) + " and " + describe(max)
                    + ", was " + describe(ttl));
        }
        return ttl.truncatedTo(ChronoUnit.SECONDS);
    }

    private VaultTokenView view(VaultTokenEntity token, Instant now) {
        VaultTokenState state = token.revokedAt() != null ? VaultTokenState.REVOKED
                : !now.isBefore(token.expiresAt()) ? VaultTokenState.EXPIRED
                : depthIfAlive(token, now) == null ? VaultTokenState.REVOKED
                : VaultTokenState.ACTIVE;
        return new VaultTokenView(token.id(), token.owner(), token.name(), VaultTokenKind.valueOf(token.kind()),
                token.policies(), token.parentId(), token.renewable(), Duration.ofSeconds(token.ttlSeconds()),
                token.createdAt(), token.createdBy(), token.expiresAt(), token.maxExpiresAt(), token.revokedAt(),
                token.revokeReason(), state);
    }

    private static String describe(Duration duration) {
        if (duration.toSeconds() % 3600 == 0 && !duration.isZero()) {
            return duration.toHours() + " h";
        }
        if (duration.toSeconds() % 60 == 0 && !duration.isZero()) {
            return duration.toMinutes() + " min";
        }
        return duration.toString();
    }

    private static Authentication caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new AccessDeniedException("nobody is signed in");
        }
        return authentication;
    }

    private static NotFoundException notFound(@Nullable UUID tokenId) {
        return new NotFoundException("vault token " + tokenId);
    }

    private static String target(UUID tokenId) {
        return ACTOR_PREFIX + tokenId;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static String actor() {
        return Actors.current("system:secrets");
    }
}
