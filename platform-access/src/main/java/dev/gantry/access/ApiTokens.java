package dev.gantry.access;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.token.ApiTokenEntity;
import dev.gantry.access.internal.token.StoredTokens;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.token.TokenFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API: random values shown once, stored as SHA-256, with scopes and an expiry.
 *
 * <p>A user manages their own tokens; an administrator also those of others (service accounts).
 * {@link #authenticate} is open: it is how an API request becomes authenticated in the first place.
 */
@Service
public class ApiTokens {

    public static final int MAX_NAME_LENGTH = 80;
    public static final Duration MIN_TTL = Duration.ofMinutes(1);
    /** Revoked and expired tokens stay listed this long, for the audit view, before {@link #purgeExpired} deletes them. */
    public static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    private static final int MAX_OWNER_LENGTH = 100;

    /** API tokens: {@code gty_} and 256 random bits. */
    private static final TokenFormat FORMAT = new TokenFormat("gty_");
    /** The first characters after {@code gty_}: 48 of the 256 bits, enough to tell tokens apart in a list. */
    private static final int DISPLAY_PREFIX_LENGTH = 8;

    private final StoredTokens tokens;
    private final AuditTrail audit;
    private final Clock clock;
    private final Duration maxTtl;

    public ApiTokens(StoredTokens tokens, AuditTrail audit, Clock clock,
            @Value("${gantry.tokens.max-ttl:365d}") Duration maxTtl) {
        if (maxTtl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("gantry.tokens.max-ttl must be at least " + MIN_TTL + ", was " + maxTtl);
        }
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        this.maxTtl = maxTtl;
    }

    /**
     * Creates a token for {@code owner}. The returned value is the only copy: it is not stored and cannot be shown
     * again.
     *
     * @throws InvalidTokenRequestException if name, scopes or lifetime break the rules; the message says which
     */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or #owner == authentication.name")
    public CreatedToken create(String owner, String name, Set<ApiScope> scopes, Duration ttl) {
        if (owner.isBlank() || owner.length() > MAX_OWNER_LENGTH) {
            throw new InvalidTokenRequestException("owner must be 1 to " + MAX_OWNER_LENGTH + " characters");
        }
        String trimmedName = name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > MAX_NAME_LENGTH) {
            throw new InvalidTokenRequestException("token name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        if (trimmedName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidTokenRequestException("token name must not contain control characters");
        }
        if (scopes.isEmpty()) {
            throw new InvalidTokenRequestException("a token needs at least one scope");
        }
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(maxTtl) > 0) {
            throw new InvalidTokenRequestException(
                    "token lifetime must be between 1 minute and " + describe(maxTtl) + ", was " + describe(ttl));
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        String value = FORMAT.newValue();
        Instant expiresAt = now.plus(ttl);
        String storedScopes = store(scopes);
        tokens.save(new ApiTokenEntity(id, owner, trimmedName, FORMAT.hexDigest(value),
                FORMAT.displayPrefix(value, DISPLAY_PREFIX_LENGTH),
                storedScopes, now, expiresAt));
        audit.record(AuditRecord.success(Actors.current(owner), "token.created", target(id), Map.of(
                "tokenId", id.toString(),
                "owner", owner,
                "name", trimmedName,
                "scopes", storedScopes,
                "expiresAt", expiresAt.toString())));
        return new CreatedToken(id, owner, trimmedName, value, scopes, expiresAt);
    }

    /**
     * The principal of a valid, unexpired, unrevoked token; empty for anything else, without saying why, so a
     * caller learns nothing about tokens it does not hold. One indexed lookup; the last use is written at most once
     * a minute per token.
     */
    @Transactional
    public Optional<TokenPrincipal> authenticate(@Nullable String presentedValue) {
        if (presentedValue == null || !FORMAT.wellFormed(presentedValue)) {
            return Optional.empty();
        }
        byte[] digest = FORMAT.digest(presentedValue);
        Optional<ApiTokenEntity> found = tokens.findByTokenHash(TokenFormat.hex(digest));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenEntity token = found.get();
        if (!FORMAT.matches(digest, token.tokenHash())) {
            return Optional.empty();
        }
        Instant now = now();
        if (!token.usableAt(now)) {
            return Optional.empty();
        }
        Instant lastUse = token.lastUsedAt();
        Instant before = now.minus(LAST_USE_RESOLUTION);
        if (lastUse == null || lastUse.isBefore(before)) {
            tokens.touch(token.id(), now, before);
        }
        return Optional.of(new TokenPrincipal(token.owner(), token.id(), parse(token.scopes()), token.expiresAt()));
    }

    /** The owner's tokens, newest first, including revoked and expired ones until they are purged. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN') or #owner == authentication.name")
    public List<ApiTokenView> list(String owner) {
        Instant now = now();
        return tokens.findByOwnerOrderByCreatedAtDescIdAsc(owner).stream().map(token -> view(token, now)).toList();
    }

    /**
     * Revokes one token at once: the next {@link #authenticate} with it fails. Revoking a revoked token does
     * nothing.
     *
     * @throws TokenNotFoundException if there is no such token
     * @throws AccessDeniedException  if the token is someone else's and the caller is not an administrator (audited)
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("isAuthenticated()")
    public void revoke(UUID tokenId) {
        ApiTokenEntity token = tokens.findById(tokenId).orElseThrow(() -> new TokenNotFoundException(tokenId));
        String actor = Actors.current("system:access");
        if (!token.owner().equals(actor) && !Actors.currentIsAdmin()) {
            audit.record(AuditRecord.denied(actor, "token.revoked", target(tokenId), "not the owner"));
            throw new AccessDeniedException("only the owner or an administrator may revoke this token");
        }
        if (token.revokedAt() != null) {
            return;
        }
        token.revoke(now(), actor);
        audit.record(AuditRecord.success(actor, "token.revoked", target(tokenId),
                Map.of("tokenId", tokenId.toString(), "owner", token.owner(), "name", token.name())));
    }

    /** Revokes every working token of {@code owner}, e.g. when the user is disabled. Returns how many. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN') or #owner == authentication.name")
    public int revokeAllOf(String owner) {
        String actor = Actors.current("system:access");
        int revoked = tokens.revokeAllOf(owner, now(), actor);
        audit.record(AuditRecord.success(actor, "token.revoked-all", "user:" + owner,
                Map.of("count", Integer.toString(revoked))));
        return revoked;
    }

    /**
     * Deletes tokens that expired or were revoked more than {@link #RETENTION} ago, one audit entry each. Called by
     * a scheduled job, so it needs no signed-in user; it removes nothing that still works.
     */
    @Transactional
    public int purgeExpired() {
        List<ApiTokenEntity> purgeable = tokens.findPurgeable(now().minus(RETENTION));
        for (ApiTokenEntity token : purgeable) {
            audit.record(AuditRecord.success("system:token-purge", "token.purged", target(token.id()), Map.of(
                    "tokenId", token.id().toString(),
                    "owner", token.owner(),
                    "name", token.name(),
                    "reason", token.revokedAt() != null ? "revoked" : "expired")));
        }
        tokens.deleteAllInBatch(purgeable);
        return purgeable.size();
    }

    private ApiTokenView view(ApiTokenEntity token, Instant now) {
        TokenState state = token.revokedAt() != null ? TokenState.REVOKED
                : now.isBefore(token.expiresAt()) ? TokenState.ACTIVE : TokenState.EXPIRED;
        return new ApiTokenView(token.id(), token.owner(), token.name(), token.displayPrefix(), parse(token.scopes()),
                token.createdAt(), token.expiresAt(), token.lastUsedAt(), token.revokedAt(), state);
    }

    private static String store(Set<ApiScope> scopes) {
        return EnumSet.copyOf(scopes).stream().map(ApiScope::wireName).collect(Collectors.joining(" "));
    }

    /** A stored scope this version does not know (written by a newer one) grants nothing here. */
    private static Set<ApiScope> parse(String stored) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(stored.split(" ")).forEach(wireName -> {
            for (ApiScope scope : ApiScope.values()) {
                if (scope.wireName().equals(wireName)) {
                    scopes.add(scope);
                }
            }
        });
        return scopes;
    }

    private static String describe(Duration duration) {
        if (!duration.isZero() && duration.toSeconds() % 86_400 == 0) {
            return duration.toDays() + " days";
        }
        return duration.toString();
    }

    private static String target(UUID tokenId) {
        return "token:" + tokenId;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
