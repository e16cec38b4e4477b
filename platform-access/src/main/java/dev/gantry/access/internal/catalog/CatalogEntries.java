package dev.gantry.access.internal.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CatalogEntries extends JpaRepository<CatalogEntry, UUID> {

    Optional<CatalogEntry> findBySlug(String slug);

    boolean existsBySlug(String slug);

    List<CatalogEntry> findByOwnerTeamIdInOrderByNameAsc(Collection<UUID> teamIds);

    @Query("""
            select s from CatalogEntry s
            where :text = '' or lower(s.name) like concat('%', :text, '%') or lower(s.slug) like concat('%', :text, '%')
            """)
    Page<CatalogEntry> search(@Param("text") String lowerCaseText, Pageable pageable);
}
