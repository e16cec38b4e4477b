package dev.gantry.secrets;

import static dev.gantry.secrets.Acting.as;
import static dev.gantry.secrets.Acting.person;
import static dev.gantry.secrets.SecretCapability.ADMIN;
import static dev.gantry.secrets.SecretCapability.DELETE;
import static dev.gantry.secrets.SecretCapability.DENY;
import static dev.gantry.secrets.SecretCapability.LIST;
import static dev.gantry.secrets.SecretCapability.READ;
import static dev.gantry.secrets.SecretCapability.ROLLBACK;
import static dev.gantry.secrets.SecretCapability.ROTATE;
import static dev.gantry.secrets.SecretCapability.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.Authorities;
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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/** Path-based policies deciding who reaches which secret, against a real database; subclasses choose which. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
abstract class SecretPoliciesIntegrationTests {

    private static final String PAYMENTS_PROD = "payments/api/prod/db-password";
    private static final String PAYMENTS_DEV = "payments/api/dev/db-password";
    private static final String BILLING_PROD = "billing/api/prod/stripe-key";

    private static final Authentication KEEPER = person("keeper", Authorities.SIGNED_IN, Role.SECRETS_ADMIN.authority());
    private static final Authentication ADA = person("ada", Authorities.SIGNED_IN, Role.ADMIN.authority());
    private static final Authentication ERIN = person("erin", Authorities.SIGNED_IN,
            Authorities.teamRole("payments", Role.ENGINEER));
    private static final Authentication VICTOR = person("victor", Authorities.SIGNED_IN,
            Authorities.teamRole("payments", Role.VIEWER));
    private static final Authentication LOU = person("lou", Authorities.SIGNED_IN, Role.ENGINEER.authority());

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
    JdbcTemplate jdbc;

    @BeforeEach
    void unsealedWithASecretInTwoTeams() {
        VaultFixtures.wipe(jdbc, state);
        as(KEEPER, () -> {
            VaultFixtures.initialisedAndUnsealed(seal);
            write(PAYMENTS_PROD, "prod-v1");
            write(PAYMENTS_DEV, "dev-v1");
            write(BILLING_PROD, "billing-v1");
        });
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    void onlySecretsAdministratorsAndAdministratorsManagePolicies() {
        assertThatThrownBy(() -> as(ERIN, () -> policies.create("mine", "", rules("payments/** read"))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(LOU, () -> policies.grant("anything", PolicySubject.user("lou"))))
                .isInstanceOf(AccessDeniedException.class);

        as(ADA, () -> policies.create("from-admin", "", rules("billing/** list")));
        as(KEEPER, () -> policies.create("from-keeper", "", rules("payments/** list")));

        assertThat(as(KEEPER, () -> policies.list())).extracting(PolicyView::name)
                .containsExactly("from-admin", "from-keeper");
    }

    @Test
    void badPoliciesAreRefusedNamingTheFieldAndNothingIsStored() {
        List<PolicyRule> tooMany = new ArrayList<>();
        for (int i = 0; i <= SecretPolicies.MAX_RULES; i++) {
            tooMany.add(PolicyRule.of("payments/**", READ));
        }
        record Case(String name, String description, List<PolicyRule> rules, String field) {
        }
        for (Case bad : List.of(
                new Case("Bad Name", "", rules("payments/** read"), "name"),
                new Case("ok", "line\nbreak", rules("payments/** read"), "description"),
                new Case("ok", "", List.of(), "rules"),
                new Case("ok", "", tooMany, "rules"),
                new Case("ok", "", rules("payments/** read", "payments/**/prod/x read"), "rules[1].pathGlob"),
                new Case("ok", "", List.of(PolicyRule.of("payments/**", READ, DENY)), "rules[0].capabilities"),
                new Case("ok", "", List.of(PolicyRule.of("payments/**")), "rules[0].capabilities"),
                new Case("ok", "", rules("payments/api/prod read"), "rules[0].pathGlob"))) {
            assertThatThrownBy(() -> as(KEEPER, () -> policies.create(bad.name(), bad.description(), bad.rules())))
                    .as(bad.field()).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).field()).isEqualTo(bad.field());
        }
        assertThatThrownBy(() -> SecretCapability.fromWireName("rules[2].capabilities", "sudo"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("read, write, list")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("rules[2].capabilities");

        assertThat(as(KEEPER, () -> policies.list())).isEmpty();
        assertThat(audit.records()).isEmpty();
    }

    @Test
    void everyChangeIsKeptAsAVersionAndAuditedWithADigestOfItsRules() throws Exception {
        as(KEEPER, () -> {
            policies.create("ci", "for CI", rules("payments/** read"));
            policies.update("ci", "for CI, and listing", rules("payments/** read,list"), 1);
            policies.delete("ci");
        });

        List<PolicyRevision> history = as(KEEPER, () -> policies.history("ci"));
        assertThat(history).extracting(PolicyRevision::version).containsExactly(1L, 2L, 3L);
        assertThat(history).extracting(PolicyRevision::deleted).containsExactly(false, false, true);
        assertThat(history.get(1).rules()).containsExactly(PolicyRule.of("payments/**", READ, LIST));
        assertThat(history).extracting(PolicyRevision::changedBy).containsOnly("keeper");

        assertThat(audit.records()).extracting(AuditRecord::action)
                .containsExactly("secret-policy.created", "secret-policy.updated", "secret-policy.deleted");
        assertThat(audit.records()).extracting(r -> r.details().get("version")).containsExactly("1", "2", "3");
        assertThat(audit.records().get(1).details().get("rulesSha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("payments/** read,list".getBytes(StandardCharsets.UTF_8))));
        assertThat(audit.records()).allSatisfy(r -> assertThat(r.target()).isEqualTo("secret-policy:ci"));

        PolicyView recreated = as(KEEPER, () -> policies.create("ci", "", rules("billing/** list")));
        assertThat(recreated.version()).isEqualTo(4);
    }

    @Test
    void anUpdateMadeAgainstAStaleVersionIsRefusedAndChangesNothing() {
        as(KEEPER, () -> {
            policies.create("ci", "", rules("payments/** read"));
            policies.update("ci", "", rules("payments/** list"), 1);
        });

        assertThatThrownBy(() -> as(KEEPER, () -> policies.update("ci", "", rules("** admin"), 1)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("version 2")
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("version");
        assertThatThrownBy(() -> as(KEEPER, () -> policies.create("ci", "", rules("** admin"))))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).field()).isEqualTo("name");

        assertThat(as(KEEPER, () -> policies.get("ci")).rules()).containsExactly(PolicyRule.of("payments/**", LIST));
    }

    @Test
    void teamEngineersReachTheirTeamsSecretsAndNotAnotherTeams() {
        as(ERIN, () -> {
            assertThat(read(PAYMENTS_PROD)).isEqualTo("prod-v1");
            write(PAYMENTS_PROD, "prod-v2");
            vault.rollback(PAYMENTS_PROD, 1);
            vault.delete(PAYMENTS_DEV);
            vault.undelete(PAYMENTS_DEV);
            assertThat(vault.list("")).extracting(SecretMetadata::path).containsExactly(PAYMENTS_DEV, PAYMENTS_PROD);
        });

        assertThatThrownBy(() -> as(ERIN, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(ERIN, () -> write(BILLING_PROD, "mine now")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(ERIN, () -> vault.destroy(PAYMENTS_PROD, 1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(KEEPER, () -> read(BILLING_PROD))).isEqualTo("billing-v1");
    }

    @Test
    void aTeamViewerSeesTheTeamsSecretsListedButCannotReadThem() {
        as(VICTOR, () -> {
            assertThat(vault.list("")).extracting(SecretMetadata::path).containsExactly(PAYMENTS_DEV, PAYMENTS_PROD);
            assertThat(vault.metadata(PAYMENTS_PROD).currentVersion()).isEqualTo(1);
        });

        assertThatThrownBy(() -> as(VICTOR, () -> read(PAYMENTS_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(VICTOR, () -> vault.metadata(BILLING_PROD)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void withoutAnyPolicyEverythingIsDeniedAndTheDenialIsAuditedWithThePathHmacAndAReason() {
        assertThatThrownBy(() -> as(LOU, () -> read(PAYMENTS_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(LOU, () -> vault.list(""))).isEmpty();

        assertThat(audit.records()).singleElement().satisfies(denial -> {
            assertThat(denial.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(denial.actor()).isEqualTo("lou");
            assertThat(denial.action()).isEqualTo("secret.read");
            assertThat(denial.target()).isEqualTo("secret:" + PAYMENTS_PROD);
            assertThat(denial.details()).containsEntry("reason", "no policy grants read")
                    .containsEntry("capability", "read");
            assertThat(denial.details().get("pathHmac")).hasSize(64);
        });
    }

    @Test
    void anExplicitDenyWinsOverTheTeamsOwnAccess() {
        as(KEEPER, () -> {
            policies.create("no-prod", "nobody reads production by hand", rules("*/*/prod/** deny"));
            policies.grant("no-prod", PolicySubject.team("payments"));
        });
        audit.clear();

        assertThatThrownBy(() -> as(ERIN, () -> read(PAYMENTS_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(ERIN, () -> read(PAYMENTS_DEV))).isEqualTo("dev-v1");
        assertThat(as(ERIN, () -> vault.list(""))).extracting(SecretMetadata::path).containsExactly(PAYMENTS_DEV);
        assertThat(audit.records()).filteredOn(r -> r.outcome() == AuditOutcome.DENIED).singleElement()
                .satisfies(r -> assertThat(r.details()).containsEntry("reason", "denied by policy no-prod"));
    }

    @Test
    void aPolicyGrantedToAUserOpensExactlyItsPathsOnceTheSignInIsComplete() {
        as(KEEPER, () -> {
            policies.create("billing-read", "", rules("billing/api/prod/* read,list"));
            policies.grant("billing-read", PolicySubject.user("lou"));
        });

        assertThat(as(LOU, () -> read(BILLING_PROD))).isEqualTo("billing-v1");
        assertThatThrownBy(() -> as(LOU, () -> read(PAYMENTS_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(LOU, () -> write(BILLING_PROD, "x"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(person("lou", "SIGN_IN_PENDING"), () -> read(BILLING_PROD)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(LOU, () -> policies.grantsTo(PolicySubject.user("lou")))).extracting(PolicyGrant::policy)
                .containsExactly("billing-read");
    }

    @Test
    void aPolicyGrantedToATeamReachesEveryMemberWhateverTheirTeamRole() {
        as(KEEPER, () -> {
            policies.create("billing-for-payments", "", rules("billing/** read"));
            policies.grant("billing-for-payments", PolicySubject.team("payments"));
        });

        assertThat(as(VICTOR, () -> read(BILLING_PROD))).isEqualTo("billing-v1");
        assertThat(as(ERIN, () -> read(BILLING_PROD))).isEqualTo("billing-v1");
        assertThatThrownBy(() -> as(LOU, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rollbackNeedsTheRollbackCapabilityButNotRead() {
        as(KEEPER, () -> {
            write(PAYMENTS_PROD, "prod-v2-broken");
            policies.create("undo", "on-call may undo a bad change", rules("payments/** rollback"));
            policies.grant("undo", PolicySubject.user("lou"));
        });

        SecretVersionInfo rolledBack = as(LOU, () -> vault.rollback(PAYMENTS_PROD, 1));

        assertThat(rolledBack.version()).isEqualTo(3);
        assertThatThrownBy(() -> as(LOU, () -> read(PAYMENTS_PROD))).isInstanceOf(AccessDeniedException.class);
        assertThat(as(KEEPER, () -> read(PAYMENTS_PROD))).isEqualTo("prod-v1");
    }

    @Test
    void aPolicyChangeTakesEffectAtTheVeryNextCheck() {
        as(KEEPER, () -> {
            policies.create("billing-read", "", rules("billing/** read"));
            policies.grant("billing-read", PolicySubject.user("lou"));
        });
        assertThat(as(LOU, () -> read(BILLING_PROD))).isEqualTo("billing-v1");

        as(KEEPER, () -> policies.update("billing-read", "", rules("billing/** list"), 1));
        assertThatThrownBy(() -> as(LOU, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);

        as(KEEPER, () -> policies.update("billing-read", "", rules("billing/** read"), 2));
        assertThat(as(LOU, () -> read(BILLING_PROD))).isEqualTo("billing-v1");

        as(KEEPER, () -> policies.revokeGrant("billing-read", PolicySubject.user("lou")));
        assertThatThrownBy(() -> as(LOU, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);

        as(KEEPER, () -> policies.grant("billing-read", PolicySubject.user("lou")));
        as(KEEPER, () -> policies.delete("billing-read"));
        assertThatThrownBy(() -> as(LOU, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void compiledPoliciesAreReusedUntilAChangeCommittedOnAnyNodeChangesTheStamp() {
        as(KEEPER, () -> {
            policies.create("billing-read", "", rules("billing/** read"));
            policies.grant("billing-read", PolicySubject.user("lou"));
        });
        assertThat(as(LOU, () -> read(BILLING_PROD))).isEqualTo("billing-v1");

        // A row changed without the stamp: this node keeps its compiled copy, proving it does not reload per read.
        jdbc.update("update secret_policy set rules = 'billing/** deny' where name = 'billing-read'");
        assertThat(as(LOU, () -> read(BILLING_PROD))).isEqualTo("billing-v1");

        // Another node's change commits rows and stamp together; this node sees it at its next check.
        jdbc.update("update secret_policy_stamp set stamp = 42 where id = 1");
        assertThatThrownBy(() -> as(LOU, () -> read(BILLING_PROD))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aGlobalSecretsAdministratorMayDoEverythingEverywhere() {
        as(KEEPER, () -> {
            vault.configure(BILLING_PROD, "card processor", 5);
            vault.destroy(PAYMENTS_DEV, 1);
            assertThat(policies.capabilitiesOn(BILLING_PROD)).containsExactlyInAnyOrder(
                    READ, WRITE, LIST, DELETE, ROLLBACK, ROTATE, ADMIN);
        });
        assertThat(as(ERIN, () -> policies.capabilitiesOn(BILLING_PROD))).isEmpty();
        assertThat(as(ERIN, () -> policies.capabilitiesOn(PAYMENTS_PROD))).containsExactlyInAnyOrder(
                READ, WRITE, LIST, DELETE, ROLLBACK, ROTATE);
        assertThat(as(ADA, () -> policies.capabilitiesOn(PAYMENTS_PROD))).isEmpty();
    }

    @Test
    void aPersonSeesWhichPoliciesTheyHold() {
        as(KEEPER, () -> {
            policies.create("payments-ci", "", rules("payments/*/ci/** read"));
            policies.grant("payments-ci", PolicySubject.team("payments"));
        });

        assertThat(as(ERIN, () -> policies.currentPolicies())).containsExactlyInAnyOrder(
                "builtin:team-viewer:payments", "builtin:team-engineer:payments", "payments-ci");
    }

    private static List<PolicyRule> rules(String... lines) {
        List<PolicyRule> rules = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(" ");
            Set<SecretCapability> capabilities = new java.util.HashSet<>();
            for (String name : parts[1].split(",")) {
                capabilities.add(SecretCapability.fromWireName("capabilities", name));
            }
            rules.add(new PolicyRule(parts[0], capabilities));
        }
        return rules;
    }

    private void write(String path, String value) {
        vault.write(path, SecretValue.of(value.toCharArray()), null);
    }

    private String read(String path) {
        return new String(vault.read(path).value().chars());
    }
}
