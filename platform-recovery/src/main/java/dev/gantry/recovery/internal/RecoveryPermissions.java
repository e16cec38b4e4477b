package dev.gantry.recovery.internal;

import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may do what with backups, checked inside the services. A denial is audited in a transaction of its own, so it
 * is recorded even when the caller's work (a long backup, a drill) runs outside any transaction.
 */
@Component
public class RecoveryPermissions {

    public enum Operation {
        MANAGE_PLANS("recovery.plan.denied", Role.ADMIN),
        RUN_BACKUP("recovery.backup.denied", Role.ADMIN),
        RUN_DRILL("recovery.drill.denied", Role.ADMIN),
        RESTORE("recovery.restore.denied", Role.ADMIN),
        ESCROW("recovery.escrow.denied", Role.ADMIN),
        READ("recovery.read.denied", Role.ADMIN, Role.AUDITOR, Role.ENGINEER, Role.VIEWER);

        private final String action;
        private final String[] authorities;

        Operation(String action, Role... roles) {
            this.action = action;
            this.authorities = Arrays.stream(roles).map(Role::authority).toArray(String[]::new);
        }
    }

    private final AuditTrail audit;
    private final TransactionTemplate ownTransaction;

    RecoveryPermissions(AuditTrail audit, PlatformTransactionManager transactions) {
        this.audit = audit;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @throws AccessDeniedException after the denial is audited */
    public void require(Operation operation, String target) {
        if (Actors.holdsAny(operation.authorities)) {
            return;
        }
        String actor = Actors.current();
        ownTransaction.executeWithoutResult(status -> audit.record(new AuditRecord(actor, operation.action, target,
                AuditOutcome.DENIED, Map.of("reason", "role"))));
        throw new AccessDeniedException("not allowed to " + operation.name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
