package dev.gantry.access.internal.mfa;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RecoveryCodeHashes extends JpaRepository<RecoveryCodeEntity, UUID> {

    /** Spends a code: 1 for exactly one of any number of concurrent attempts with it, 0 for the rest. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update RecoveryCodeEntity c set c.usedAt = :now
            where c.username = :username and c.codeHash = :codeHash and c.usedAt is null""")
    int spend(@Param("username") String username, @Param("codeHash") String codeHash, @Param("now") Instant now);

    @Query("select count(c) from RecoveryCodeEntity c where c.username = :username and c.usedAt is null")
    long countUnused(@Param("username") String username);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("delete from RecoveryCodeEntity c where c.username = :username")
    int deleteAllOf(@Param("username") String username);
}
