package dev.gantry.secrets.internal.rewrap;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RewrapRuns extends JpaRepository<RewrapRunEntity, Integer> {
}
