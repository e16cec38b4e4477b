package dev.gantry.access.internal.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface StoredTokens extends JpaRepository<ApiTokenEntity, UUID> {

    /** The one lookup per API request, on the unique index of the digest. */
    Optional<ApiTokenEntity> findByTokenHash(String tokenHash);

    List<ApiTokenEntity> findByOwnerOrderByCreatedAtDescIdAsc(String owner);

    /** Writes the last use only if the stored one is older than {@code before}: at most one write a minute. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update ApiTokenEntity t set t.lastUsedAt = :now
            where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)""")
    int touch(@Param("id") UUID id, @Param("now") Instant now, @Param("before") Instant before);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update ApiTokenEntity t set t.revokedAt = :now, t.revokedBy = :by
            where t.owner = :owner and t.revokedAt is null and t.expiresAt > :now""")
    int revokeAllOf(@Param("owner") String owner, @Param("now") Instant now, @Param("by") String by);

    @Query("""
            select t from ApiTokenEntity t
            where t.expiresAt < :cutoff or (t.revokedAt is not null and t.revokedAt < :cutoff)""")
    List<ApiTokenEntity> findPurgeable(@Param("cutoff") Instant cutoff);
}
