package dev.gantry.secrets.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SecretVersions extends JpaRepository<SecretVersionEntity, UUID> {

    Optional<SecretVersionEntity> findBySecretIdAndVersion(UUID secretId, long version);

    List<SecretVersionEntity> findBySecretIdOrderByVersion(UUID secretId);

    /** The versions below {@code version} that still hold a value: what pruning may have to destroy. */
    List<SecretVersionEntity> findBySecretIdAndVersionLessThanAndDestroyedAtIsNull(UUID secretId, long version);
}
