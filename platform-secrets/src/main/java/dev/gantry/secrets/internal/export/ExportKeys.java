package dev.gantry.secrets.internal.export;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ExportKeys extends JpaRepository<ExportKeyEntity, Integer> {

    Optional<ExportKeyEntity> findFirstByOrderByGenerationDesc();

    Optional<ExportKeyEntity> findByKeyId(String keyId);

    List<ExportKeyEntity> findAllByOrderByGeneration();

    @Query("select count(k) from ExportKeyEntity k where k.keyVersion < ?1")
    long countBelow(int keyVersion);

    @Query("select min(k.keyVersion) from ExportKeyEntity k")
    Optional<Integer> lowestKeyVersion();

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select k from ExportKeyEntity k where k.keyVersion < ?1 order by k.generation")
    List<ExportKeyEntity> lockBelow(int keyVersion, Pageable page);
}
