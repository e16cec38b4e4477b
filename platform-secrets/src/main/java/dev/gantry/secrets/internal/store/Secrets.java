package dev.gantry.secrets.internal.store;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Secrets extends JpaRepository<SecretEntity, UUID> {

    Optional<SecretEntity> findByPath(String path);

    /** Locks the row, so check-and-set and version numbering see no concurrent writer. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SecretEntity s where s.path = ?1")
    Optional<SecretEntity> lockByPath(String path);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from SecretEntity s where s.id = ?1")
    Optional<SecretEntity> lockById(UUID id);

    List<SecretEntity> findByPathStartingWithOrderByPath(String prefix);

    Page<SecretEntity> findByPathStartingWith(String prefix, Pageable pageable);
}
