package dev.gantry.access;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.identity.IdentityViews;
import dev.gantry.access.internal.identity.Passwords;
import dev.gantry.access.internal.identity.RoleGrant;
import dev.gantry.access.internal.identity.RoleGrants;
import dev.gantry.access.internal.identity.UserAccount;
import dev.gantry.access.internal.identity.UserAccounts;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts: creation, passwords, disabling. Every change is audited in its own transaction. */
@Service
public class UserManagement {

    public static final String BOOTSTRAP_ADMIN = "admin";

    private final UserAccounts users;
    private final RoleGrants grants;
    private final Passwords passwords;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserManagement(UserAccounts users, RoleGrants grants, Passwords passwords, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.grants = grants;
        this.passwords = passwords;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the first administrator when there is no account at all; never otherwise. The password is the
     * configured one or a generated one, and must be changed at first sign-in either way.
     *
     * @return the generated password, when one was generated
     */
    @Transactional
    public Optional<String> bootstrapAdminIfEmpty(Optional<String> configuredPassword) {
        if (users.count() > 0) {
            return Optional.empty();
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(passwords::generate);
        passwords.requireAcceptable("GANTRY_ADMIN_PASSWORD", password, BOOTSTRAP_ADMIN);
        UserAccount admin = users.save(new UserAccount(BOOTSTRAP_ADMIN, "Administrator", null, AccountKind.PERSON,
                passwords.hash(password), true, clock.instant()));
        grants.save(new RoleGrant(admin.id(), Role.ADMIN, null, "system:bootstrap", clock.instant()));
        audit.record(AuditRecord.success("system:bootstrap", "user.created", "user:" + BOOTSTRAP_ADMIN,
                Map.of("roles", "ADMIN", "passwordSource", configuredPassword.isPresent() ? "environment" : "generated")));
        return configuredPassword.isPresent() ? Optional.empty() : Optional.of(password);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CreatedUser create(NewUser request) {
        if (users.existsByUsername(request.username())) {
            throw new ConflictException("username", "The user name '" + request.username() + "' is taken");
        }
        String oneTime = passwords.generate();
        UserAccount account = users.save(new UserAccount(request.username(), request.displayName(), request.email(),
                request.kind(), passwords.hash(oneTime), request.kind() == AccountKind.PERSON, clock.instant()));
        audit.record(AuditRecord.success(Actors.current(), "user.created", "user:" + account.username(),
                Map.of("kind", account.kind().name(), "displayName", account.displayName())));
        return new CreatedUser(IdentityViews.of(account), oneTime);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserView update(String username, String displayName, String email) {
        UserAccount account = load(username);
        NewUser checked = new NewUser(username, displayName, email, account.kind());
        account.rename(checked.displayName(), checked.email());
        audit.record(AuditRecord.success(Actors.current(), "user.updated", "user:" + username, Map.of()));
        return IdentityViews.of(account);
    }

    /** Ends the account's sessions (their stamp no longer matches) and, through {@link UserDisabled}, its tokens. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserView disable(String username) {
        UserAccount account = load(username);
        if (username.equals(Actors.current())) {
            throw new InvalidInputException("username", "You cannot disable your own account");
        }
        if (isLastEnabledAdmin(account)) {
            throw new InvalidInputException("username",
                    "'" + username + "' is the last enabled administrator; grant ADMIN to someone else first");
        }
        account.disable();
        events.publishEvent(new UserDisabled(username));
        audit.record(AuditRecord.success(Actors.current(), "user.disabled", "user:" + username, Map.of()));
        return IdentityViews.of(account);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserView enable(String username) {
        UserAccount account = load(username);
        account.enable();
        audit.record(AuditRecord.success(Actors.current(), "user.enabled", "user:" + username, Map.of()));
        return IdentityViews.of(account);
    }

    /** Sets a new one-time password (shown once to the admin) that must be changed at the next sign-in. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public String resetPassword(String username) {
        UserAccount account = load(username);
        String oneTime = passwords.generate();
        account.changePassword(passwords.hash(oneTime), account.kind() == AccountKind.PERSON, clock.instant());
        audit.record(AuditRecord.success(Actors.current(), "user.password.reset", "user:" + username, Map.of()));
        return oneTime;
    }

    /** The signed-in user changes their own password; the current one must be given again. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = Actors.current();
        UserAccount account = load(username);
        if (!passwords.matches(currentPassword, account.passwordHash())) {
            audit.record(AuditRecord.denied(username, "user.password.changed", "user:" + username,
                    "current password did not match"));
            throw new InvalidInputException("currentPassword", "The current password is not correct");
        }
        if (currentPassword.equals(newPassword)) {
            throw new InvalidInputException("newPassword", "Choose a password different from the current one");
        }
        passwords.requireAcceptable("newPassword", newPassword, username);
        account.changePassword(passwords.hash(newPassword), false, clock.instant());
        audit.record(AuditRecord.success(username, "user.password.changed", "user:" + username, Map.of()));
    }

    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR')")
    @Transactional(readOnly = true)
    public Page<UserView> find(String text, Pageable pageable) {
        return users.search(text.strip().toLowerCase(), pageable).map(IdentityViews::of);
    }

    @PreAuthorize("hasAnyRole('ADMIN','AUDITOR') or #username == authentication.name")
    @Transactional(readOnly = true)
    public UserView get(String username) {
        return IdentityViews.of(load(username));
    }

    /** For the session guard: the stamp a live session must carry, or empty when the account may not be used. */
    @Transactional(readOnly = true)
    public OptionalLong sessionStamp(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled)
                .map(u -> OptionalLong.of(u.securityStamp())).orElse(OptionalLong.empty());
    }

    private boolean isLastEnabledAdmin(UserAccount account) {
        boolean isAdmin = grants.findByUserId(account.id()).stream()
                .anyMatch(g -> g.role() == Role.ADMIN && g.teamId() == null);
        return isAdmin && grants.countOtherEnabledGlobalAdmins(account.id()) == 0;
    }

    private UserAccount load(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("User '" + username + "'"));
    }
}
