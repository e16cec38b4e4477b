package dev.gantry.secrets.internal.rewrap;

import dev.gantry.secrets.internal.store.SecretVersionEntity;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** The secret versions that still hold a value, seen by the root key version their data key is wrapped with. */
public interface StoredDataKeys extends Repository<SecretVersionEntity, UUID> {

    @Query("select count(v) from SecretVersionEntity v where v.ciphertext is not null")
    long countStored();

    @Query("select count(v) from SecretVersionEntity v where v.ciphertext is not null and v.keyVersion < ?1")
    long countBelow(int keyVersion);

    @Query("select min(v.keyVersion) from SecretVersionEntity v where v.ciphertext is not null")
    Optional<Integer> lowestKeyVersion();

    /** Locks the next rows to rewrap, so a concurrent delete or destroy waits for the batch rather than losing to it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from SecretVersionEntity v where v.ciphertext is not null and v.keyVersion < ?1 order by v.id")
    List<SecretVersionEntity> lockBelow(int keyVersion, Pageable page);
}
