package dev.gantry.secrets;

import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.internal.Actors;
import java.util.Arrays;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with secrets, checked inside the service so that a denial can be audited with the path it was
 * about. Global roles only in this version; path-based policies replace the role table here.
 */
@Component
class SecretPermissions {

    enum Operation {
        READ("secret.read", Role.SECRETS_ADMIN, Role.ENGINEER),
        WRITE("secret.written", Role.SECRETS_ADMIN, Role.ENGINEER),
        DELETE("secret.deleted", Role.SECRETS_ADMIN, Role.ENGINEER),
        UNDELETE("secret.undeleted", Role.SECRETS_ADMIN, Role.ENGINEER),
        ROLLBACK("secret.rolled-back", Role.SECRETS_ADMIN, Role.ENGINEER),
        DESTROY("secret.destroyed", Role.SECRETS_ADMIN),
        CONFIGURE("secret.configured", Role.SECRETS_ADMIN),
        ROTATE("secret.rotation.requested", Role.SECRETS_ADMIN, Role.ENGINEER),
        LIST("secret.listed", Role.SECRETS_ADMIN, Role.ENGINEER, Role.VIEWER);

        final String action;
        private final String[] authorities;

        Operation(String action, Role... roles) {
            this.action = action;
            this.authorities = Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
        }
    }

    private final AuditTrail audit;

    SecretPermissions(AuditTrail audit) {
        this.audit = audit;
    }

    /** @throws AccessDeniedException after auditing the denial; callers' transactions must not roll that back */
    void require(Operation operation, String target, String pathHmac) {
        if (Actors.holdsAny(operation.authorities)) {
            return;
        }
        audit.record(new AuditRecord(Actors.current("anonymous"), operation.action, target,
                dev.gantry.domain.audit.AuditOutcome.DENIED,
                Map.of("reason", "role", "pathHmac", pathHmac)));
        throw new AccessDeniedException("not allowed to " + operation.name().toLowerCase(java.util.Locale.ROOT)
                + " secrets");
    }

    boolean allowed(Operation operation) {
        return Actors.holdsAny(operation.authorities);
    }
}
