package dev.gantry.secrets.internal.policy;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PolicyRevisions extends JpaRepository<PolicyRevisionEntity, UUID> {

    List<PolicyRevisionEntity> findByPolicyNameOrderByVersion(String policyName);

    /** The highest version a policy of this name ever had, 0 if none: a re-created policy continues from it. */
    @Query("select coalesce(max(r.version), 0) from PolicyRevisionEntity r where r.policyName = ?1")
    long lastVersion(String policyName);
}
