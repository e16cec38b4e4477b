package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.access.testing.TestDatabases;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.audit.AuditRecord;
import dev.gantry.secrets.internal.crypto.RetiredKeyVersionException;
import dev.gantry.secrets.internal.seal.SealState;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Gantry nodes on one PostgreSQL database, each unsealed on its own: what one does to the keyring, the other
 * picks up from the database while it stays unsealed.
 */
class StaleKeyringOnPostgresIntegrationTests {

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;

    private List<String> shares;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        String url = TestDatabases.freshPostgresDatabase();
        nodeA = node(url);
        nodeB = node(url);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @BeforeEach
    void bothNodesUnsealed() {
        VaultFixtures.wipe(nodeA.getBean(JdbcTemplate.class), nodeA.getBean(SealState.class));
        nodeB.getBean(SealState.class).seal();
        shares = admin(() -> VaultFixtures.initialisedAndUnsealed(seal(nodeA)));
        admin(() -> {
            seal(nodeB).submitShare(shares.get(1));
            return seal(nodeB).submitShare(shares.get(2));
        });
        audit(nodeA).clear();
        audit(nodeB).clear();
    }

    @Test
    void aNodeThatMeetsARootKeyVersionItDoesNotHoldReloadsTheKeyringFromTheDatabase() {
        admin(() -> vault(nodeA).write("payments/api/prod/before", value("one"), null));
        assertThat(admin(() -> seal(nodeA).rotateRootKey())).isEqualTo(2);
        admin(() -> vault(nodeA).write("payments/api/prod/after", value("two"), null));

        assertThat(admin(() -> read(nodeB, "payments/api/prod/after"))).isEqualTo("two");

        assertThat(nodeB.getBean(SealState.class).keyring().currentVersion()).isEqualTo(2);
        assertThat(admin(() -> read(nodeB, "payments/api/prod/before"))).isEqualTo("one");
        assertThat(audit(nodeB).records()).filteredOn(r -> r.action().equals("secrets.keyring.reloaded"))
                .singleElement().satisfies(record -> assertThat(record.details())
                        .containsEntry("fromKeyVersion", "1").containsEntry("toKeyVersion", "2"));
    }

    @Test
    void aStaleNodeWritesWithTheNewestRootKeyAndHonoursAMinimumRaisedElsewhere() {
        admin(() -> vault(nodeB).write("payments/api/prod/old", value("old"), null));
        byte[] oldWrapping = jdbc().queryForObject("select wrapped_data_key from secret_version", byte[].class);
        admin(() -> seal(nodeA).rotateRootKey());

        admin(() -> vault(nodeB).write("payments/api/prod/new", value("new"), null));
        assertThat(jdbc().queryForList("select v.key_version from secret_version v join secret_metadata m "
                + "on m.id = v.secret_id where m.path = 'payments/api/prod/new'", Integer.class)).containsExactly(2);

        admin(() -> rewrap(nodeA).runBatch(100));
        admin(() -> rewrap(nodeA).raiseMinDecryptionVersion(2));
        admin(() -> vault(nodeB).write("payments/api/prod/newer", value("newer"), null));
        assertThat(nodeB.getBean(SealState.class).keyring().minDecryptionVersion()).isEqualTo(2);
        jdbc().update("update secret_version set key_version = 1, wrapped_data_key = ? where secret_id = "
                + "(select id from secret_metadata where path = 'payments/api/prod/old')", (Object) oldWrapping);
        assertThatThrownBy(() -> admin(() -> read(nodeB, "payments/api/prod/old")))
                .isInstanceOf(RetiredKeyVersionException.class);
    }

    @Test
    void aNodeThatStayedUnsealedThroughARekeyElsewhereFollowsLaterRotationsAndOnlyNewSharesUnsealIt() {
        String nonce = admin(() -> seal(nodeA).startRekey(3, 2)).nonce();
        admin(() -> seal(nodeA).submitRekeyShare(nonce, shares.get(0)));
        List<String> newShares = admin(() -> ((RekeyOutcome.Completed) seal(nodeA)
                .submitRekeyShare(nonce, shares.get(2))).shares().shares());
        admin(() -> seal(nodeA).rotateRootKey());
        admin(() -> vault(nodeA).write("payments/api/prod/after-rekey", value("fresh"), null));

        assertThat(admin(() -> read(nodeB, "payments/api/prod/after-rekey"))).isEqualTo("fresh");

        admin(() -> {
            seal(nodeB).seal();
            seal(nodeB).submitShare(shares.get(0));
            assertThatThrownBy(() -> seal(nodeB).submitShare(shares.get(1))).isInstanceOf(InvalidInputException.class);
            seal(nodeB).submitShare(newShares.get(0));
            return seal(nodeB).submitShare(newShares.get(2));
        });
        assertThat(admin(() -> read(nodeB, "payments/api/prod/after-rekey"))).isEqualTo("fresh");
        assertThat(audit(nodeA).records()).extracting(AuditRecord::action).contains("secrets.vault.rekeyed");
    }

    private static ConfigurableApplicationContext node(String url) {
        return new SpringApplicationBuilder(SecretsTestApplication.class, RecordingAuditConfiguration.class)
                .properties("spring.datasource.url=" + url, "spring.main.banner-mode=off",
                        "spring.application.name=node-" + UUID.randomUUID())
                .run();
    }

    private static <T> T admin(Supplier<T> action) {
        return SignedIn.as("keeper", "SECRETS_ADMIN", action);
    }

    private static String read(ConfigurableApplicationContext node, String path) {
        return new String(vault(node).read(path).value().chars());
    }

    private static VaultSeal seal(ConfigurableApplicationContext node) {
        return node.getBean(VaultSeal.class);
    }

    private static SecretVault vault(ConfigurableApplicationContext node) {
        return node.getBean(SecretVault.class);
    }

    private static RootKeyRewrap rewrap(ConfigurableApplicationContext node) {
        return node.getBean(RootKeyRewrap.class);
    }

    private static RecordingAuditTrail audit(ConfigurableApplicationContext node) {
        return node.getBean(RecordingAuditTrail.class);
    }

    private static JdbcTemplate jdbc() {
        return nodeA.getBean(JdbcTemplate.class);
    }

    private static SecretValue value(String plain) {
        return SecretValue.of(plain.toCharArray());
    }
}
