package dev.gantry.secrets.internal.scan;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScanFindings extends JpaRepository<ScanFindingEntity, UUID> {

    List<ScanFindingEntity> findByRunIdOrderByCommittedAtAscFilePathAscLineAsc(UUID runId);
}
