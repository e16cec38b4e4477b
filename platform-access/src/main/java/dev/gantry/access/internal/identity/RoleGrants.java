package dev.gantry.access.internal.identity;

import java.util.List;
import java.util.UUID;

import dev.gantry.domain.Role;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface RoleGrants extends JpaRepository<RoleGrant, UUID> {

    List<RoleGrant> findByUserId(UUID userId);

    List<RoleGrant> findByTeamId(UUID teamId);

    long countByRoleAndTeamIdIsNull(Role role);

    @Query("""
            select count(g) from RoleGrant g, UserAccount u
            where g.userId = u.id and g.role = dev.gantry.domain.Role.ADMIN and g.teamId is null
              and u.enabled = true and u.id <> :userId
            """)
    long countOtherEnabledGlobalAdmins(@Param("userId") UUID userId);
}
