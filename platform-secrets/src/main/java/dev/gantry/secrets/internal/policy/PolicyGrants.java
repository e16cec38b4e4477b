package dev.gantry.secrets.internal.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PolicyGrants extends JpaRepository<PolicyGrantEntity, UUID> {

    List<PolicyGrantEntity> findByPolicyNameOrderBySubjectKindAscSubjectAsc(String policyName);

    List<PolicyGrantEntity> findBySubjectKindAndSubjectOrderByPolicyName(String subjectKind, String subject);

    Optional<PolicyGrantEntity> findByPolicyNameAndSubjectKindAndSubject(String policyName, String subjectKind,
            String subject);
}
