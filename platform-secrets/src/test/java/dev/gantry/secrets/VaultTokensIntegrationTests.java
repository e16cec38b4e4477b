package dev.gantry.secrets;

import static dev.gantry.secrets.Acting.as;
import static dev.gantry.secrets.Acting.person;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.Authorities;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.Role;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Vault tokens for machines and temporary access, against a real database; subclasses choose which. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
abstract class VaultTokensIntegrationTests {

    private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
    private static final String PAYMENTS_PROD = "payments/api/prod/db-password";
    private static final String BILLING_PROD = "billing/api/prod/stripe-key";
    private static final String PAYMENTS_ENGINEER = "builtin:team-engineer:payments";

    private static final Authentication KEEPER = person("keeper", Authorities.SIGNED_IN, Role.SECRETS_ADMIN.authority());
    private static final Authentication ERIN = person("erin", Authorities.SIGNED_IN,
            Authorities.teamRole("payments", Role.ENGINEER));
    private static final Authentication LOU = person("lou", Authorities.SIGNED_IN, Role.ENGINEER.authority());

    @Autowired
    VaultTokens tokens;

    @Autowired
    SecretVault vault;

    @Autowired
    SecretPolicies policies;

    @Autowired
    VaultSeal seal;

    @Autowired
    SealState state;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void unsealedWithASecretInTwoTeams() {
        clock.set(START);
        VaultFixtures.wipe(jdbc, state);
        as(KEEPER, () -> {
            VaultFixtures.initialisedAndUnsealed(seal);
            vault.write(PAYMENTS_PROD, SecretValue.of("prod-v1".toCharArray()), null);
            vault.write(BILLING_PROD, SecretValue.of("billing-v1".toCharArray()), null);
        });
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void aTokenCarriesItsPoliciesIntoTheVaultAndActsUnderItsOwnName() {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(machine("deploy", Duration.ofHours(1))));

        VaultTokenAuthentication ci = tokens.authenticate(created.value()).orElseThrow();

        assertThat(as(ci, () -> read(PAYMENTS_PROD))).isEqualTo("prod-v1");
        assertThatThrownBy(() -> as(ci, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThat(ci.owner()).isEqualTo("erin");
        assertThat(ci.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("VAULT_TOKEN");
        assertThat(audit.records()).filteredOn(r -> r.action().startsWith("secret."))
                .extracting(AuditRecord::actor, AuditRecord::outcome).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("vault-token:" + created.token().id(), AuditOutcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("vault-token:" + created.token().id(), AuditOutcome.DENIED));
    }

    @Test
    void theValueIs256RandomBitsAfterGvtAndOnlyItsSha256IsStored() throws Exception {
        CreatedVaultToken one = as(ERIN, () -> tokens.create(machine("one", Duration.ofHours(1))));
        CreatedVaultToken two = as(ERIN, () -> tokens.create(machine("two", Duration.ofHours(1))));

        assertThat(one.value()).matches("gvt_[A-Za-z0-9_-]{43}").isNotEqualTo(two.value());
        assertThat(Base64.getUrlDecoder().decode(one.value().substring(4))).hasSize(32);
        Map<String, Object> row = jdbc.queryForMap("select * from secret_token where id = ?", one.token().id());
        assertThat(row.get("token_hash")).isEqualTo(sha256(one.value()));
        assertThat(row.values()).allSatisfy(column -> assertThat(String.valueOf(column))
                .doesNotContain(one.value()).doesNotContain(one.value().substring(4)));
        assertThat(one.toString()).doesNotContain(one.value()).contains("hidden");

        String lastCharacterChanged = one.value().substring(0, 46) + (one.value().endsWith("A") ? "B" : "A");
        assertThat(tokens.authenticate(lastCharacterChanged)).isEmpty();
        assertThat(tokens.authenticate("gty_" + one.value().substring(4))).isEmpty();
        assertThat(tokens.authenticate(one.value() + "x")).isEmpty();
        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate(one.value())).isPresent();
    }

    @Test
    void aTokenStopsWorkingWhenItsTtlRunsOutAndTheRefusalIsAudited() {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(machine("deploy", Duration.ofHours(1))));

        clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.authenticate(created.value())).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.authenticate(created.value())).isEmpty();

        assertThat(audit.records()).last().satisfies(refusal -> {
            assertThat(refusal.action()).isEqualTo("vault-token.authenticated");
            assertThat(refusal.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(refusal.target()).isEqualTo("vault-token:" + created.token().id());
            assertThat(refusal.details()).containsEntry("reason", "expired").containsEntry("owner", "erin");
        });
        assertThat(as(ERIN, () -> tokens.lookup(created.token().id())).state()).isEqualTo(VaultTokenState.EXPIRED);
    }

    @Test
    void aRenewalExtendsByTheTtlButNeverBeyondTheMaximumTtl() {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(new NewVaultToken("runner", Set.of(PAYMENTS_ENGINEER),
                Duration.ofHours(1), Duration.ofHours(3), true, null)));
        UUID id = created.token().id();
        VaultTokenAuthentication runner = tokens.authenticate(created.value()).orElseThrow();

        clock.advance(Duration.ofMinutes(50));
        assertThat(as(runner, () -> tokens.renew(id, null)).expiresAt())
                .isEqualTo(START.plus(Duration.ofMinutes(50)).plus(Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(55));
        VaultTokenView capped = as(ERIN, () -> tokens.renew(id, Duration.ofHours(2)));
        assertThat(capped.expiresAt()).isEqualTo(START.plus(Duration.ofHours(3)));
        assertThat(audit.records()).last().satisfies(r -> assertThat(r.details())
                .containsEntry("cappedAtMaxTtl", "true").containsEntry("expiresAt", capped.expiresAt().toString()));

        clock.set(START.plus(Duration.ofHours(3)));
        assertThat(tokens.authenticate(created.value())).isEmpty();
        assertThatThrownBy(() -> as(ERIN, () -> tokens.renew(id, null))).isInstanceOf(ConflictException.class);
    }

    @Test
    void aTokenThatIsNotRenewableIsNotRenewedAndTheRefusalIsAudited() {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(machine("once", Duration.ofHours(1))));
        audit.clear();

        assertThatThrownBy(() -> as(ERIN, () -> tokens.renew(created.token().id(), null)))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("renewable");

        assertThat(as(ERIN, () -> tokens.lookup(created.token().id())).expiresAt()).isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(audit.records()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo("vault-token.renewed");
            assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
    }

    @Test
    void revokingATokenRevokesItsChildrenAndGrandchildrenAllInOneTransaction() {
        CreatedVaultToken root = as(ERIN, () -> tokens.create(machine("pipeline", Duration.ofHours(4))));
        CreatedVaultToken child = as(authenticated(root), () -> tokens.create(machine("stage", Duration.ofHours(2))));
        CreatedVaultToken grandchild = as(authenticated(child),
                () -> tokens.create(machine("step", Duration.ofHours(1))));
        CreatedVaultToken unrelated = as(ERIN, () -> tokens.create(machine("other", Duration.ofHours(4))));
        assertThat(child.token().parentId()).isEqualTo(root.token().id());
        assertThat(grandchild.token().parentId()).isEqualTo(child.token().id());

        audit.failFromNowOn(true);
        assertThatThrownBy(() -> as(ERIN, () -> tokens.revoke(root.token().id())))
                .isInstanceOf(IllegalStateException.class);
        audit.failFromNowOn(false);
        assertThat(List.of(root, child, grandchild)).allSatisfy(token ->
                assertThat(tokens.authenticate(token.value())).isPresent());
        audit.clear();

        assertThat(as(ERIN, () -> tokens.revoke(root.token().id()))).isEqualTo(3);

        assertThat(List.of(root, child, grandchild)).allSatisfy(token -> {
            assertThat(tokens.authenticate(token.value())).isEmpty();
            assertThat(as(ERIN, () -> tokens.lookup(token.token().id())).state()).isEqualTo(VaultTokenState.REVOKED);
        });
        assertThat(tokens.authenticate(unrelated.value())).isPresent();
        assertThat(as(ERIN, () -> tokens.lookup(grandchild.token().id())).revokeReason())
                .isEqualTo("ancestor " + root.token().id() + " revoked");
        assertThat(audit.records()).filteredOn(r -> r.outcome() == AuditOutcome.SUCCESS)
                .extracting(AuditRecord::target).containsExactly("vault-token:" + root.token().id(),
                        "vault-token:" + child.token().id(), "vault-token:" + grandchild.token().id());
    }

    @Test
    void aChildCannotCarryAPolicyItsParentDoesNotCarryNorOutliveIt() {
        as(KEEPER, () -> {
            policies.create("billing-read", "", List.of(PolicyRule.of("billing/**", SecretCapability.READ)));
            policies.grant("billing-read", PolicySubject.user("erin"));
        });
        CreatedVaultToken parent = as(ERIN, () -> tokens.create(machine("pipeline", Duration.ofHours(1))));
        audit.clear();

        assertThatThrownBy(() -> as(ERIN, () -> tokens.create(new NewVaultToken("wider",
                Set.of(PAYMENTS_ENGINEER, "billing-read"), Duration.ofMinutes(10), null, false, parent.token().id()))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(authenticated(parent), () -> tokens.create(new NewVaultToken("wider",
                Set.of("billing-read"), Duration.ofMinutes(10), null, false, null))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(authenticated(parent), () -> tokens.create(machine("longer", Duration.ofHours(2)))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot outlive its parent")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ttl");

        assertThat(audit.records()).hasSize(2).allSatisfy(r -> {
            assertThat(r.action()).isEqualTo("vault-token.created");
            assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(r.details().get("reason")).contains("billing-read");
        });
        assertThat(as(ERIN, () -> tokens.list("erin"))).singleElement()
                .extracting(VaultTokenView::name).isEqualTo("pipeline");
    }

    @Test
    void aCreatorCannotGiveATokenPoliciesTheyDoNotHoldButAnAdministratorCan() {
        as(KEEPER, () -> policies.create("billing-read", "", List.of(PolicyRule.of("billing/**",
                SecretCapability.READ))));

        for (String notHeld : List.of("builtin:secrets-admin", "billing-read", "builtin:team-engineer:billing")) {
            assertThatThrownBy(() -> as(ERIN, () -> tokens.create(new NewVaultToken("grab", Set.of(notHeld),
                    Duration.ofHours(1), null, false, null)))).as(notHeld).isInstanceOf(AccessDeniedException.class);
        }
        assertThatThrownBy(() -> as(ERIN, () -> tokens.create(new NewVaultToken("typo", Set.of("no-such-policy"),
                Duration.ofHours(1), null, false, null)))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("policies");
        assertThatThrownBy(() -> as(ERIN, () -> tokens.create(new NewVaultToken("forever", Set.of(PAYMENTS_ENGINEER),
                Duration.ofDays(60), null, false, null)))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ttl");

        CreatedVaultToken billingCi = as(KEEPER, () -> tokens.create(new NewVaultToken("billing ci",
                Set.of("builtin:team-engineer:billing"), Duration.ofHours(1), null, false, null)));
        assertThat(as(authenticated(billingCi), () -> read(BILLING_PROD))).isEqualTo("billing-v1");
        assertThat(audit.records()).filteredOn(r -> r.outcome() == AuditOutcome.DENIED).hasSize(3);
    }

    @Test
    void aTemporaryTokenLivesAtMostTheConfiguredMaximumAndCarriesOnlyTheRequestersOwnPolicies() {
        assertThatThrownBy(() -> as(ERIN, () -> tokens.createTemporary("laptop", Set.of(PAYMENTS_ENGINEER),
                Duration.ofHours(9)))).isInstanceOf(InvalidInputException.class).hasMessageContaining("8 h")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("ttl");

        CreatedVaultToken laptop = as(ERIN, () -> tokens.createTemporary("laptop", Set.of(PAYMENTS_ENGINEER),
                Duration.ofHours(8)));
        assertThat(laptop.token().kind()).isEqualTo(VaultTokenKind.TEMPORARY);
        assertThat(laptop.token().renewable()).isFalse();
        assertThat(laptop.token().maxExpiresAt()).isEqualTo(START.plus(Duration.ofHours(8)));
        assertThat(as(authenticated(laptop), () -> read(PAYMENTS_PROD))).isEqualTo("prod-v1");
        assertThatThrownBy(() -> as(ERIN, () -> tokens.renew(laptop.token().id(), null)))
                .isInstanceOf(ConflictException.class);

        // Even an administrator asks only for what they hold themselves.
        assertThatThrownBy(() -> as(KEEPER, () -> tokens.createTemporary("mine", Set.of(PAYMENTS_ENGINEER),
                Duration.ofHours(1)))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(authenticated(laptop), () -> tokens.createTemporary("more",
                Set.of(PAYMENTS_ENGINEER), Duration.ofHours(1)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void onlyTheOwnerAnAdministratorOrTheTokenItselfSeesAndRevokesAToken() {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(machine("deploy", Duration.ofHours(1))));
        UUID id = created.token().id();
        audit.clear();

        assertThatThrownBy(() -> as(LOU, () -> tokens.lookup(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(LOU, () -> tokens.revoke(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(LOU, () -> tokens.list("erin"))).isInstanceOf(AccessDeniedException.class);
        assertThat(audit.records()).extracting(AuditRecord::action, AuditRecord::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("vault-token.looked-up", AuditOutcome.DENIED),
                org.assertj.core.groups.Tuple.tuple("vault-token.revoked", AuditOutcome.DENIED));
        assertThat(tokens.authenticate(created.value())).isPresent();

        assertThat(as(KEEPER, () -> tokens.lookup(id)).owner()).isEqualTo("erin");
        assertThat(as(authenticated(created), () -> tokens.lookup(id)).name()).isEqualTo("deploy");
        assertThat(as(KEEPER, () -> tokens.listAll())).extracting(VaultTokenView::id).containsExactly(id);
        assertThat(as(authenticated(created), () -> tokens.revoke(id))).isEqualTo(1);
        assertThat(tokens.authenticate(created.value())).isEmpty();
    }

    @Test
    void revokingEveryTokenOfAnOwnerLeavesOtherOwnersTokens() {
        CreatedVaultToken first = as(ERIN, () -> tokens.create(machine("a", Duration.ofHours(1))));
        CreatedVaultToken second = as(ERIN, () -> tokens.createTemporary("b", Set.of(PAYMENTS_ENGINEER),
                Duration.ofHours(1)));
        CreatedVaultToken keepers = as(KEEPER, () -> tokens.create(new NewVaultToken("k",
                Set.of("builtin:secrets-admin"), Duration.ofHours(1), null, false, null)));

        assertThat(as(KEEPER, () -> tokens.revokeAllOwnedBy("erin"))).isEqualTo(2);

        assertThat(tokens.authenticate(first.value())).isEmpty();
        assertThat(tokens.authenticate(second.value())).isEmpty();
        assertThat(tokens.authenticate(keepers.value())).isPresent();
    }

    @Test
    void aChildOfAnExpiredParentIsRefusedAtOnceAndThePurgeRevokesItThenDeletesLongEndedTokens() {
        CreatedVaultToken parent = as(ERIN, () -> tokens.create(new NewVaultToken("pipeline",
                Set.of(PAYMENTS_ENGINEER), Duration.ofHours(1), Duration.ofHours(10), true, null)));
        CreatedVaultToken child = as(authenticated(parent), () -> tokens.create(machine("stage", Duration.ofHours(5))));

        clock.advance(Duration.ofHours(1));
        assertThat(tokens.authenticate(child.value())).isEmpty();
        assertThat(audit.records()).last().satisfies(r -> assertThat(r.details())
                .containsEntry("reason", "an ancestor token was revoked or expired"));

        assertThat(tokens.purgeExpired()).isZero();
        VaultTokenView purgedChild = as(ERIN, () -> tokens.lookup(child.token().id()));
        assertThat(purgedChild.state()).isEqualTo(VaultTokenState.REVOKED);
        assertThat(purgedChild.revokeReason()).isEqualTo("parent token ended");

        clock.advance(VaultTokens.RETENTION.plus(Duration.ofMinutes(1)));
        audit.clear();
        assertThat(tokens.purgeExpired()).isEqualTo(2);
        assertThat(as(ERIN, () -> tokens.list("erin"))).isEmpty();
        assertThat(audit.records()).extracting(AuditRecord::action).containsOnly("vault-token.purged").hasSize(2);
    }

    @Test
    void aTokensValueAndDigestNeverReachTheAuditTrail() throws Exception {
        CreatedVaultToken created = as(ERIN, () -> tokens.create(new NewVaultToken("runner",
                Set.of(PAYMENTS_ENGINEER), Duration.ofHours(1), Duration.ofHours(2), true, null)));
        VaultTokenAuthentication runner = tokens.authenticate(created.value()).orElseThrow();
        CreatedVaultToken child = as(runner, () -> tokens.create(machine("child", Duration.ofMinutes(30))));
        as(runner, () -> read(PAYMENTS_PROD));
        as(runner, () -> tokens.renew(created.token().id(), null));
        assertThatThrownBy(() -> as(runner, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
        as(ERIN, () -> tokens.revoke(created.token().id()));
        assertThat(tokens.authenticate(created.value())).isEmpty();
        assertThat(tokens.authenticate(child.value())).isEmpty();

        List<String> forbidden = List.of(created.value(), created.value().substring(4), sha256(created.value()),
                child.value(), child.value().substring(4), sha256(child.value()));
        assertThat(audit.records()).extracting(AuditRecord::action).contains("vault-token.created",
                "vault-token.renewed", "vault-token.revoked", "vault-token.authenticated", "secret.read");
        assertThat(audit.records()).allSatisfy(record -> forbidden.forEach(value ->
                assertThat(record.toString()).doesNotContain(value)));
    }

    private static NewVaultToken machine(String name, Duration ttl) {
        return new NewVaultToken(name, Set.of(PAYMENTS_ENGINEER), ttl, null, false, null);
    }

    private VaultTokenAuthentication authenticated(CreatedVaultToken created) {
        return tokens.authenticate(created.value()).orElseThrow();
    }

    private String read(String path) {
        return new String(vault.read(path).value().chars());
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.US_ASCII)));
    }
}
