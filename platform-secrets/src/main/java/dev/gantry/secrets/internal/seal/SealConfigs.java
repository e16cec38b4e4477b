package dev.gantry.secrets.internal.seal;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface SealConfigs extends JpaRepository<SealConfigEntity, Integer> {

    /** Locks the seal row: rotations, rekeys and raising the minimum happen one at a time across all nodes. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from SealConfigEntity c where c.id = 1")
    Optional<SealConfigEntity> lock();
}
