package dev.gantry.secrets;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request for a machine token.
 *
 * @param name      what it is for, shown in lists (1 to 80 characters)
 * @param policies  the policy names it carries: a subset of the creator's, or of the parent's for a child
 * @param ttl       how long it lives from now, and what each renewal without an increment adds
 * @param maxTtl    how long it may live at most, renewals included; null means {@code ttl} (no renewal beyond it)
 * @param renewable whether renewals extend it (up to {@code maxTtl})
 * @param parentId  the token it descends from: revoking that one revokes this one; null for none. A caller that
 *                  is itself a vault token always creates its own children.
 */
public record NewVaultToken(String name, Set<String> policies, Duration ttl, @Nullable Duration maxTtl,
        boolean renewable, @Nullable UUID parentId) {

    public NewVaultToken {
        policies = Set.copyOf(policies);
    }
}
