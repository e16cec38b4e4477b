package dev.gantry.secrets.internal.policy;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface PolicyStamps extends JpaRepository<PolicyStampEntity, Integer> {

    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update PolicyStampEntity s set s.stamp = ?1 where s.id = 1")
    int change(long stamp);
}
