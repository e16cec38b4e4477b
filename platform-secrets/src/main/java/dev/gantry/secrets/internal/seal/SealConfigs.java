package dev.gantry.secrets.internal.seal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SealConfigs extends JpaRepository<SealConfigEntity, Integer> {
}
