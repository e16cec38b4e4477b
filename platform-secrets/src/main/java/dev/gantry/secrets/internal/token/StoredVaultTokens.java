package dev.gantry.secrets.internal.token;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StoredVaultTokens extends JpaRepository<VaultTokenEntity, UUID> {

    Optional<VaultTokenEntity> findByTokenHash(String tokenHash);

    /** Locks the row, so renewal, revocation and creating a child under it happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from VaultTokenEntity t where t.id = ?1")
    Optional<VaultTokenEntity> lockById(UUID id);

    List<VaultTokenEntity> findByParentId(UUID parentId);

    List<VaultTokenEntity> findByOwnerOrderByCreatedAtDescIdAsc(String owner);

    List<VaultTokenEntity> findAllByOrderByCreatedAtDescIdAsc();

    List<VaultTokenEntity> findByOwnerAndRevokedAtIsNull(String owner);

    /** Unrevoked tokens whose parent has ended (revoked or expired) or is gone: the next generation to revoke. */
    @Query("""
            select c from VaultTokenEntity c where c.revokedAt is null and c.parentId is not null
              and not exists (select p from VaultTokenEntity p
                              where p.id = c.parentId and p.revokedAt is null and p.expiresAt > ?1)""")
    List<VaultTokenEntity> findOrphanedAt(Instant now);

    @Query("""
            select t from VaultTokenEntity t
            where (t.revokedAt is not null and t.revokedAt < ?1) or t.expiresAt < ?1""")
    List<VaultTokenEntity> findEndedBefore(Instant cutoff);
}
