package dev.gantry.access.internal.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Memberships extends JpaRepository<Membership, Membership.Key> {

    List<Membership> findByKeyUserId(UUID userId);

    List<Membership> findByKeyTeamId(UUID teamId);

    long countByKeyTeamId(UUID teamId);
}
