package dev.gantry.access.internal.mfa;

import dev.gantry.access.MfaStatus;
import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MfaEnrolments extends JpaRepository<MfaEnrolmentEntity, String> {

    /**
     * Records that the code of {@code step} was used, only if no code of that step or a later one was used before.
     * One conditional statement, so of two concurrent requests with the same code exactly one gets 1 back: the other
     * waits for the row lock and then finds the condition false.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update MfaEnrolmentEntity e set e.lastUsedStep = :step
            where e.username = :username and e.status = :status and e.lastUsedStep < :step""")
    int consumeStep(@Param("username") String username, @Param("status") MfaStatus status, @Param("step") long step);

    /**
     * Activates the pending enrolment whose secret the code was checked against; 0 if it was replaced, confirmed or
     * reset meanwhile.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("""
            update MfaEnrolmentEntity e
            set e.status = dev.gantry.access.MfaStatus.ACTIVE, e.lastUsedStep = :step, e.activatedAt = :now
            where e.username = :username and e.status = dev.gantry.access.MfaStatus.PENDING
              and e.secretCiphertext = :ciphertext and e.lastUsedStep < :step""")
    int activate(@Param("username") String username, @Param("ciphertext") String ciphertext,
            @Param("step") long step, @Param("now") Instant now);
}
