package dev.gantry.secrets.internal.seal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface KeyringEntries extends JpaRepository<KeyringEntryEntity, Integer> {
}
