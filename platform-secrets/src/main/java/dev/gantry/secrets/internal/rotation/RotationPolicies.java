package dev.gantry.secrets.internal.rotation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RotationPolicies extends JpaRepository<RotationPolicyEntity, UUID> {

    Optional<RotationPolicyEntity> findByScopeAndSelector(String scope, String selector);

    List<RotationPolicyEntity> findAllByOrderByScopeAscSelectorAsc();
}
