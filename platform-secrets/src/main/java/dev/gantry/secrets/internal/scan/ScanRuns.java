package dev.gantry.secrets.internal.scan;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScanRuns extends JpaRepository<ScanRunEntity, UUID> {

    List<ScanRunEntity> findAllByOrderByStartedAtDesc(Pageable page);
}
