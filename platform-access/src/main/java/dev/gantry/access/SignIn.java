package dev.gantry.access;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.gantry.access.internal.identity.Passwords;
import dev.gantry.access.internal.identity.RoleGrant;
import dev.gantry.access.internal.identity.RoleGrants;
import dev.gantry.access.internal.identity.Team;
import dev.gantry.access.internal.identity.Teams;
import dev.gantry.access.internal.identity.UserAccount;
import dev.gantry.access.internal.identity.UserAccounts;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks a password, counts failures and locks an account with growing back-off: after five failures 30 s, then
 * doubling to at most 15 min. Open to unauthenticated callers by nature; everything it decides is audited.
 */
@Service
public class SignIn {

    private final UserAccounts users;
    private final RoleGrants grants;
    private final Teams teams;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final Clock clock;

    SignIn(UserAccounts users, RoleGrants grants, Teams teams, Passwords passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.grants = grants;
        this.teams = teams;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SignInResult authenticate(String username, CharSequence password) {
        String name = username.strip();
        String target = "user:" + (name.length() > 64 ? name.substring(0, 64) : name);
        Instant now = clock.instant();
        Optional<UserAccount> found = users.findByUsername(name);
        if (found.isEmpty()) {
            passwords.burnTimeOfOneCheck(password);
            audit.record(AuditRecord.denied(name.isEmpty() ? "anonymous" : target.substring(5), "auth.sign-in",
                    target, "unknown user"));
            return new SignInResult.BadCredentials();
        }
        UserAccount account = found.get();
        if (account.kind() == AccountKind.SERVICE) {
            passwords.burnTimeOfOneCheck(password);
            audit.record(AuditRecord.denied(name, "auth.sign-in", target, "service accounts cannot sign in"));
            return new SignInResult.BadCredentials();
        }
        if (account.isLockedAt(now)) {
            audit.record(AuditRecord.denied(name, "auth.sign-in", target, "locked until " + account.lockedUntil()));
            return new SignInResult.LockedOut(account.lockedUntil());
        }
        if (!passwords.matches(password, account.passwordHash())) {
            Instant lockedUntil = account.recordFailure(now);
            audit.record(AuditRecord.denied(name, "auth.sign-in", target,
                    "wrong password (" + account.failedAttempts() + " in a row)"));
            if (lockedUntil != null) {
                audit.record(AuditRecord.success("system:sign-in", "auth.locked-out", target,
                        Map.of("until", lockedUntil.toString(), "failures", String.valueOf(account.failedAttempts()))));
                return new SignInResult.LockedOut(lockedUntil);
            }
            return new SignInResult.BadCredentials();
        }
        if (!account.enabled()) {
            audit.record(AuditRecord.denied(name, "auth.sign-in", target, "account disabled"));
            return new SignInResult.Disabled();
        }
        account.recordSuccess(now);
        audit.record(AuditRecord.success(name, "auth.signed-in", target, Map.of()));
        return new SignInResult.Success(describe(account));
    }

    /** The current grants of a signed-in user, e.g. after a step of the sign-in completed. */
    @Transactional(readOnly = true)
    public Optional<SignedInUser> current(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(this::describe);
    }

    /** Audits the end of a session; called by the web layer on logout. */
    @Transactional
    public void signedOut(String username) {
        audit.record(AuditRecord.success(username, "auth.signed-out", "user:" + username, Map.of()));
    }

    private SignedInUser describe(UserAccount account) {
        Set<Role> global = EnumSet.noneOf(Role.class);
        Map<String, Set<Role>> byTeam = new HashMap<>();
        for (RoleGrant grant : grants.findByUserId(account.id())) {
            if (grant.teamId() == null) {
                global.add(grant.role());
            } else {
                String slug = teams.findById(grant.teamId()).map(Team::slug).orElseThrow();
                byTeam.computeIfAbsent(slug, s -> EnumSet.noneOf(Role.class)).add(grant.role());
            }
        }
        return new SignedInUser(account.id(), account.username(), account.displayName(), account.securityStamp(),
                global, byTeam, account.mustChangePassword());
    }
}
