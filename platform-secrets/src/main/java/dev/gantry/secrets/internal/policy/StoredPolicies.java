package dev.gantry.secrets.internal.policy;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface StoredPolicies extends JpaRepository<PolicyEntity, String> {

    /** Locks the row, so a check-and-set update sees no concurrent writer. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PolicyEntity p where p.name = ?1")
    Optional<PolicyEntity> lockByName(String name);

    List<PolicyEntity> findAllByOrderByName();
}
