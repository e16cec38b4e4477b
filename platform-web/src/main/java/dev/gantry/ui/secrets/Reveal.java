package dev.gantry.ui.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.gantry.access.MfaStatus;
import dev.gantry.access.SignIn;
import dev.gantry.access.SignInResult;
import dev.gantry.access.TotpMfa;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.secrets.SecretPath;
import dev.gantry.secrets.SecretRead;
import dev.gantry.secrets.SecretVault;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reveals a secret value in the portal. A production path (environment {@code prod} or {@code production}) needs a
 * fresh proof first: a new code from the user's authenticator if they enrolled one, their password otherwise. The
 * proof is checked and audited in the same transaction as the vault's audited read, and a failed proof is
 * committed (with the sign-in's failure count and lockout) although nothing is revealed.
 */
@Service
class Reveal {

    /** Environments whose secrets need a fresh proof before the portal shows them. */
    static final Set<String> PRODUCTION = Set.of("prod", "production");

    enum Proof {
        /** A code from the authenticator app, spent: it cannot be replayed for the next reveal. */
        TOTP_CODE,
        PASSWORD
    }

    private final SecretVault vault;
    private final TotpMfa mfa;
    private final SignIn signIn;
    private final AuditTrail audit;

    Reveal(SecretVault vault, TotpMfa mfa, SignIn signIn, AuditTrail audit) {
        this.vault = vault;
        this.mfa = mfa;
        this.signIn = signIn;
        this.audit = audit;
    }

    static boolean needsProof(String path) {
        return PRODUCTION.contains(SecretPath.parse(path).environment());
    }

    /** What the current user proves themselves with. */
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public Proof proofFor() {
        return mfa.status(currentUser()) == MfaStatus.ACTIVE ? Proof.TOTP_CODE : Proof.PASSWORD;
    }

    /**
     * Hands the value of {@code version} (0: current) of {@code path} to {@code show}, if the proof holds where
     * one is needed. The value is wiped when {@code show} returns, so it is never kept past showing it.
     *
     * @param proof a TOTP code or the password, as {@link #proofFor()} says; ignored outside production
     * @return empty once shown, or why the proof was refused
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    @PreAuthorize("hasAuthority('SIGNED_IN')")
    public Optional<String> reveal(String path, long version, @Nullable String proof, Consumer<SecretRead> show) {
        if (needsProof(path)) {
            String username = currentUser();
            Proof kind = proofFor();
            boolean proven = proof != null && !proof.isBlank() && switch (kind) {
                case TOTP_CODE -> mfa.verify(username, proof.replace(" ", ""));
                case PASSWORD -> signIn.authenticate(username, proof) instanceof SignInResult.Success;
            };
            audit.record(new AuditRecord(username, "secret.reveal.step-up", "secret:" + path,
                    proven ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                    Map.of("proof", kind.name(), "version", Long.toString(version))));
            if (!proven) {
                return Optional.of(kind == Proof.TOTP_CODE
                        ? "The code was not accepted. Each code works once: wait for the next one."
                        : "The password was not accepted.");
            }
        }
        SecretRead read = vault.read(path, version);
        try {
            show.accept(read);
        } finally {
            read.value().wipe();
        }
        return Optional.empty();
    }

    private static String currentUser() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
