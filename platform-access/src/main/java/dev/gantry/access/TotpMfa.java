package dev.gantry.access;

import dev.gantry.access.internal.Actors;
import dev.gantry.access.internal.mfa.MfaEnrolmentEntity;
import dev.gantry.access.internal.mfa.MfaEnrolments;
import dev.gantry.access.internal.mfa.RecoveryCodeEntity;
import dev.gantry.access.internal.mfa.RecoveryCodeHashes;
import dev.gantry.access.internal.mfa.RecoveryCodes;
import dev.gantry.access.internal.mfa.TotpSecretCipher;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.domain.audit.AuditTrail;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP multi-factor authentication (RFC 6238: HMAC-SHA1, 6 digits, 30 s, one step of drift either way) with
 * single-use recovery codes.
 *
 * <p>Enrolment, confirmation and regeneration are for the user themselves: they reveal or replace the user's own
 * secrets. {@link #verify} and {@link #useRecoveryCode} carry no method security because sign-in calls them
 * before the second factor makes the user signed in; sign-in must limit failed attempts.
 */
@Service
public class TotpMfa {

    private static final int SECRET_BYTES = 20;
    private static final int MAX_USERNAME_LENGTH = 100;

    private final MfaEnrolments enrolments;
    private final RecoveryCodeHashes recoveryCodeHashes;
    private final TotpSecretCipher cipher;
    private final RecoveryCodes recoveryCodes;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TotpMfa(MfaEnrolments enrolments, RecoveryCodeHashes recoveryCodeHashes, TotpSecretCipher cipher,
            RecoveryCodes recoveryCodes, AuditTrail audit, Clock clock) {
        this.enrolments = enrolments;
        this.recoveryCodeHashes = recoveryCodeHashes;
        this.cipher = cipher;
        this.recoveryCodes = recoveryCodes;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MfaStatus status(String username) {
        return enrolments.findById(username).map(MfaEnrolmentEntity::status).orElse(MfaStatus.NONE);
    }

    /**
     * Hands out a new secret, pending until a code from it is confirmed. Starting again replaces a pending secret;
     * an active one stays until an administrator resets it, so a stolen session cannot move MFA to another phone.
     */
    @Transactional
    @PreAuthorize("#username == authentication.name")
    public TotpEnrolment beginEnrolment(String username) {
        requireUsername(username);
        Optional<MfaEnrolmentEntity> existing = enrolments.findById(username);
        if (existing.isPresent() && existing.get().status() == MfaStatus.ACTIVE) {
            throw new MfaStateException(
                    "MFA is already active for " + username + "; an administrator must reset it before enrolling again",
                    MfaStatus.ACTIVE);
        }
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        try {
            String ciphertext = cipher.encrypt(secret, username);
            Instant now = now();
            existing.ifPresentOrElse(
                    pending -> pending.replacePendingSecret(ciphertext, now),
                    () -> enrolments.save(new MfaEnrolmentEntity(username, ciphertext, now)));
            audit.record(AuditRecord.success(Actors.current(username), "mfa.enrolment.started", target(username),
                    Map.of("replacedPending", Boolean.toString(existing.isPresent()))));
            String base32 = Totp.base32Encode(secret).replace("=", "");
            return new TotpEnrolment(username, base32, otpauthUri(username, base32));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Activates MFA if {@code code} is a current code of the pending secret, and returns the recovery codes, which
     * are shown once and never again.
     *
     * @throws InvalidMfaCodeException if the code does not match; the enrolment stays pending and the failure is
     *                                 audited
     * @throws MfaStateException       if there is no pending enrolment
     */
    @Transactional(noRollbackFor = InvalidMfaCodeException.class)
    @PreAuthorize("#username == authentication.name")
    public List<String> confirmEnrolment(String username, String code) {
        MfaEnrolmentEntity enrolment = enrolments.findById(username)
                .orElseThrow(() -> new MfaStateException("no MFA enrolment was started for " + username, MfaStatus.NONE));
        if (enrolment.status() != MfaStatus.PENDING) {
            throw new MfaStateException("MFA is already active for " + username, enrolment.status());
        }
        OptionalLong step = matchingStep(enrolment, code);
        if (step.isEmpty()) {
            audit.record(new AuditRecord(Actors.current(username), "mfa.enrolment.confirm", target(username),
                    AuditOutcome.FAILURE, Map.of("reason", "code does not match")));
            throw new InvalidMfaCodeException(
                    "the code does not match: check the phone's clock and enter the code the app shows now");
        }
        Instant now = now();
        if (enrolments.activate(username, enrolment.secretCiphertext(), step.getAsLong(), now) != 1) {
            throw new MfaStateException("the enrolment of " + username + " changed while it was being confirmed",
                    status(username));
        }
        List<String> codes = issueRecoveryCodes(username, now);
        audit.record(AuditRecord.success(Actors.current(username), "mfa.enrolled", target(username),
                Map.of("recoveryCodes", Integer.toString(codes.size()))));
        return codes;
    }

    /**
     * Whether {@code code} is the user's current code and was not used before. Each time step is accepted at most
     * once, even by concurrent requests, and accepting a step makes every earlier step unusable.
     *
     * @throws UnreadableMfaSecretException if the stored secret does not decrypt (tampered row, wrong key file)
     */
    @Transactional
    public boolean verify(String username, String code) {
        Optional<MfaEnrolmentEntity> enrolment = enrolments.findById(username);
        if (enrolment.isEmpty() || enrolment.get().status() != MfaStatus.ACTIVE) {
            return false;
        }
        OptionalLong step = matchingStep(enrolment.get(), code);
        return step.isPresent() && enrolments.consumeStep(username, MfaStatus.ACTIVE, step.getAsLong()) == 1;
    }

    /** Spends one recovery code in place of a TOTP code. Each code works once, even under concurrent attempts. */
    @Transactional
    public boolean useRecoveryCode(String username, String code) {
        if (status(username) != MfaStatus.ACTIVE) {
            return false;
        }
        Optional<String> hash = recoveryCodes.hash(username, code);
        if (hash.isEmpty() || recoveryCodeHashes.spend(username, hash.get(), now()) != 1) {
            return false;
        }
        long remaining = recoveryCodeHashes.countUnused(username);
        audit.record(AuditRecord.success(Actors.current(username), "mfa.recovery-code.used", target(username),
                Map.of("remaining", Long.toString(remaining))));
        return true;
    }

    @Transactional(readOnly = true)
    public int remainingRecoveryCodes(String username) {
        return Math.toIntExact(recoveryCodeHashes.countUnused(username));
    }

    /**
     * Replaces all recovery codes (used or not) with new ones, on proof of a current TOTP code, which is spent.
     *
     * @throws InvalidMfaCodeException if the code does not match or was used; the failure is audited
     * @throws MfaStateException       if MFA is not active
     */
    @Transactional(noRollbackFor = InvalidMfaCodeException.class)
    @PreAuthorize("#username == authentication.name")
    public List<String> regenerateRecoveryCodes(String username, String totpCode) {
        MfaStatus status = status(username);
        if (status != MfaStatus.ACTIVE) {
            throw new MfaStateException("MFA is not active for " + username, status);
        }
        if (!verify(username, totpCode)) {
            audit.record(new AuditRecord(Actors.current(username), "mfa.recovery-codes.regenerate", target(username),
                    AuditOutcome.FAILURE, Map.of("reason", "code does not match or was already used")));
            throw new InvalidMfaCodeException("the code does not match or was already used: wait for the next code");
        }
        recoveryCodeHashes.deleteAllOf(username);
        List<String> codes = issueRecoveryCodes(username, now());
        audit.record(AuditRecord.success(Actors.current(username), "mfa.recovery-codes.regenerated", target(username),
                Map.of("recoveryCodes", Integer.toString(codes.size()))));
        return codes;
    }

    /** Removes the user's enrolment and recovery codes, e.g. after a lost phone; the user enrols again. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reset(String username) {
        MfaStatus previous = status(username);
        recoveryCodeHashes.deleteAllOf(username);
        if (previous != MfaStatus.NONE) {
            enrolments.deleteById(username);
        }
        audit.record(AuditRecord.success(Actors.current("system:access"), "mfa.reset", target(username),
                Map.of("previousStatus", previous.name())));
    }

    /**
     * The accepted step whose code equals {@code presented} and is later than the last one used. All steps of the
     * window are compared, in constant time, whatever matches.
     */
    private OptionalLong matchingStep(MfaEnrolmentEntity enrolment, String presented) {
        String code = presented.replace(" ", "");
        if (code.length() != Totp.DIGITS || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        byte[] secret = cipher.decrypt(enrolment.secretCiphertext(), enrolment.username());
        try {
            long current = Totp.step(clock.instant());
            long best = Long.MIN_VALUE;
            for (long step = current - 1; step <= current + 1; step++) {
                boolean matches = MessageDigest.isEqual(
                        Totp.code(secret, step, Totp.DIGITS).getBytes(StandardCharsets.US_ASCII),
                        code.getBytes(StandardCharsets.US_ASCII));
                if (matches && step > enrolment.lastUsedStep()) {
                    best = step;
                }
            }
            return best == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(best);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private List<String> issueRecoveryCodes(String username, Instant now) {
        List<String> codes = recoveryCodes.generate();
        for (String code : codes) {
            String hash = recoveryCodes.hash(username, code)
                    .orElseThrow(() -> new IllegalStateException("generated recovery code does not parse"));
            recoveryCodeHashes.save(new RecoveryCodeEntity(username, hash, now));
        }
        return codes;
    }

    private static String otpauthUri(String username, String base32Secret) {
        String account = URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/Gantry:" + account + "?secret=" + base32Secret
                + "&issuer=Gantry&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }

    private static void requireUsername(String username) {
        if (username.isBlank() || username.length() > MAX_USERNAME_LENGTH) {
            throw new IllegalArgumentException("username must be 1 to " + MAX_USERNAME_LENGTH + " characters");
        }
    }

    private static String target(String username) {
        return "user:" + username;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
