package dev.gantry.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A node configured to unseal with shares: initialised once over the API (the fixture), then sealed again before
 * each test, as after a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultSealApiIntegrationTests {

    @DynamicPropertySource
    static void shamirNode(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "secrets-shamir");
        registry.add("gantry.secrets.unseal.mode", () -> "shamir");
    }

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;

    private ApiCaller api;
    private String keeper;
    private String engineer;
    private Answer initialised;
    private List<String> shares;

    @BeforeAll
    void initialisedWithThreeSharesTwoOfWhichUnseal() {
        api = new ApiCaller(port);
        keeper = ApiCaller.tokenFor("seal-keeper", users, teams, tokens, Role.SECRETS_ADMIN);
        engineer = ApiCaller.tokenFor("seal-engineer", users, teams, tokens, Role.ENGINEER);
        initialised = api.send("POST", "/api/v1/secrets/init", "{\"shares\":3,\"threshold\":2}", keeper);
        shares = initialised.json().get("shares").valueStream().map(s -> s.asString()).toList();
    }

    @BeforeEach
    void sealedAsAfterARestart() {
        api.send("POST", "/api/v1/secrets/seal", null, keeper);
        api.send("POST", "/api/v1/secrets/unseal/reset", null, keeper);
    }

    @Test
    void initialisingHandsOutTheSharesOnceAndNeverAgain() {
        Answer again = api.send("POST", "/api/v1/secrets/init", "{\"shares\":5,\"threshold\":3}", keeper);

        assertThat(initialised.status()).isEqualTo(200);
        assertThat(initialised.header("Cache-Control")).isEqualTo("no-store");
        assertThat(shares).hasSize(3).doesNotHaveDuplicates().allMatch(s -> s.matches("[1-3]-[0-9a-f]{64}"));
        assertThat(initialised.json().get("threshold").asInt()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).doesNotContain(shares.get(0).substring(2));
    }

    @Test
    void whileSealedEverySecretCallAnswers503() {
        Answer read = api.get("/api/v1/secrets/data/team/api/prod/x", engineer);
        Answer list = api.get("/api/v1/secrets/metadata?prefix=team/", engineer);
        Answer status = api.get("/api/v1/secrets/seal-status", engineer);

        assertThat(read.status()).isEqualTo(503);
        assertThat(read.json().get("sealed").asBoolean()).isTrue();
        assertThat(list.status()).isEqualTo(503);
        assertThat(status.json().get("mode").asString()).isEqualTo("SHAMIR");
        assertThat(status.json().get("sealed").asBoolean()).isTrue();
        assertThat(status.json().get("shares").asInt()).isEqualTo(3);
        assertThat(status.json().get("threshold").asInt()).isEqualTo(2);
    }

    @Test
    void sharesCountUpToTheThresholdAndThenUnseal() {
        Answer first = unseal(shares.get(0));
        Answer repeated = unseal(shares.get(0));
        Answer second = unseal(shares.get(2));

        assertThat(first.json().get("progress").asInt()).isEqualTo(1);
        assertThat(first.json().get("sealed").asBoolean()).isTrue();
        assertThat(repeated.status()).isEqualTo(400);
        assertThat(repeated.json().get("field").asString()).isEqualTo("share");
        assertThat(second.json().get("sealed").asBoolean()).isFalse();
        assertThat(api.send("PUT", "/api/v1/secrets/data/team/api/prod/x", "{\"value\":\"open\"}", keeper)
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/secrets/data/team/api/prod/x", keeper).json().get("value").asString())
                .isEqualTo("open");
    }

    @Test
    void resetForgetsTheSharesSubmittedSoFar() {
        unseal(shares.get(1));

        Answer reset = api.send("POST", "/api/v1/secrets/unseal/reset", null, keeper);
        Answer afterReset = unseal(shares.get(1));

        assertThat(reset.json().get("progress").asInt()).isZero();
        assertThat(afterReset.status()).as("the same share counts again after a reset").isEqualTo(200);
        assertThat(afterReset.json().get("progress").asInt()).isEqualTo(1);
    }

    @Test
    void sharesThatDoNotOpenTheVaultAreRefusedAndCountingStartsAgain() {
        String genuine = shares.get(1);
        String forged = genuine.substring(0, 2) + (genuine.charAt(2) == '0' ? '1' : '0') + genuine.substring(3);
        unseal(shares.get(0));

        Answer refused = unseal(forged);
        Answer status = api.get("/api/v1/secrets/seal-status", keeper);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("share");
        assertThat(refused.json().get("detail").asString()).contains("do not open the vault");
        assertThat(status.json().get("sealed").asBoolean()).isTrue();
        assertThat(status.json().get("progress").asInt()).isZero();
    }

    @Test
    void anUnsealWithoutAShareAsksForOneOnAShamirNode() {
        Answer empty = api.send("POST", "/api/v1/secrets/unseal", "{}", keeper);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asString()).isEqualTo("share");
        assertThat(api.get("/api/v1/secrets/seal-status", keeper).json().get("sealed").asBoolean()).isTrue();
    }

    @Test
    void onlyASecretsAdministratorTouchesTheSeal() {
        assertThat(api.send("POST", "/api/v1/secrets/unseal", "{\"share\":\"" + shares.get(0) + "\"}", engineer)
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/secrets/seal-status", keeper).json().get("progress").asInt()).isZero();
    }

    private Answer unseal(String share) {
        return api.send("POST", "/api/v1/secrets/unseal", "{\"share\":\"" + share + "\"}", keeper);
    }
}
