package dev.gantry.secrets.internal.scan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AllowedFindings extends JpaRepository<AllowedFindingEntity, String> {

    List<AllowedFindingEntity> findAllByOrderByCreatedAtDesc();
}
