package dev.gantry.access.internal.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface UserAccounts extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    @Query("""
            select u from UserAccount u
            where :text = '' or lower(u.username) like concat('%', :text, '%')
               or lower(u.displayName) like concat('%', :text, '%')
            """)
    Page<UserAccount> search(@Param("text") String lowerCaseText, Pageable pageable);
}
