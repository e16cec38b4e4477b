package dev.gantry.secrets.internal.rotation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RotationStates extends JpaRepository<RotationStateEntity, UUID> {

    List<RotationStateEntity> findByStepIsNotNull();
}
