package dev.gantry.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.api.ApiTestSupport;
import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.Role;
import dev.gantry.secrets.PolicyRule;
import dev.gantry.secrets.PolicySubject;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

/**
 * The secrets API as a CI script uses it: real HTTP, real tokens, a key-file vault unsealed at start-up. Each
 * test works on paths of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsApiIntegrationTests extends ApiTestSupport {

    private static final String CANARY = "canary-7f3e-\"quoted\"\\slash\nline-ünïcode-✓";
    private static final String CANARY_JSON = "canary-7f3e-\\\"quoted\\\"\\\\slash\\nline-ünïcode-✓";

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;
    @Autowired VaultSeal seal;
    @Autowired SecretPolicies policies;
    @Autowired VaultUnsealing unsealing;

    private ApiCaller api;
    private String engineer;
    private String viewer;
    private String keeper;

    @BeforeAll
    void callers() {
        api = new ApiCaller(port);
        engineer = ApiCaller.tokenFor("api-engineer", users, teams, tokens, Role.ENGINEER);
        viewer = ApiCaller.tokenFor("api-viewer", users, teams, tokens, Role.VIEWER);
        keeper = ApiCaller.tokenFor("api-keeper", users, teams, tokens, Role.SECRETS_ADMIN);
        // A global role opens no team's secrets (ADR 6): this engineer works on every path through a policy of
        // their own, which grants everything but destroying and configuring.
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("keeper",
                List.of(Role.SECRETS_ADMIN)));
        try {
            policies.create("api-engineer-everywhere", "the API tests' engineer", List.of(PolicyRule.of("**",
                    SecretCapability.READ, SecretCapability.WRITE, SecretCapability.LIST, SecretCapability.DELETE,
                    SecretCapability.ROLLBACK)));
            policies.grant("api-engineer-everywhere", PolicySubject.user("api-engineer"));
            policies.create("api-viewer-everywhere", "the API tests' viewer: metadata only",
                    List.of(PolicyRule.of("**", SecretCapability.LIST)));
            policies.grant("api-viewer-everywhere", PolicySubject.user("api-viewer"));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** So one failing seal test does not take the others down with it. */
    @AfterEach
    void vaultOpen() {
        if (seal.status().sealed()) {
            SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("keeper",
                    List.of(Role.SECRETS_ADMIN)));
            try {
                unsealing.unsealFromKeyFile();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    @Test
    void aWrittenValueReadsBackExactlyAndIsNeverCached() {
        Answer written = write("payments/api/prod/db-password", "{\"value\":\"" + CANARY_JSON + "\"}", engineer);
        Answer read = api.get("/api/v1/secrets/data/payments/api/prod/db-password", engineer);

        assertThat(written.status()).isEqualTo(200);
        assertThat(written.json().get("version").asLong()).isEqualTo(1);
        assertThat(written.body()).doesNotContain("canary-7f3e");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("value").asString()).isEqualTo(CANARY);
        assertThat(read.json().get("path").asString()).isEqualTo("payments/api/prod/db-password");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
        assertThat(read.header("Cache-Control")).isEqualTo("no-store");
        assertThat(read.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void anEarlierVersionIsReadByNumber() {
        write("payments/api/staging/token", "{\"value\":\"one\"}", engineer);
        write("payments/api/staging/token", "{\"value\":\"two\"}", engineer);

        assertThat(api.get("/api/v1/secrets/data/payments/api/staging/token?version=1", engineer).json()
                .get("value").asString()).isEqualTo("one");
        assertThat(api.get("/api/v1/secrets/data/payments/api/staging/token", engineer).json()
                .get("value").asString()).isEqualTo("two");
        assertThat(api.get("/api/v1/secrets/data/payments/api/staging/token?version=-1", engineer).json()
                .get("field").asString()).isEqualTo("version");
    }

    @Test
    void aWriteOverAVersionTheWriterDidNotSeeIsAConflictOnCas() {
        write("search/api/prod/key", "{\"value\":\"one\",\"cas\":0}", engineer);
        write("search/api/prod/key", "{\"value\":\"two\",\"cas\":1}", engineer);

        Answer stale = write("search/api/prod/key", "{\"value\":\"stale\",\"cas\":1}", engineer);
        Answer createOnly = write("search/api/prod/key", "{\"value\":\"again\",\"cas\":0}", engineer);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().get("field").asString()).isEqualTo("cas");
        assertThat(stale.json().get("detail").asString()).contains("current version is 2");
        assertThat(createOnly.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/secrets/data/search/api/prod/key", engineer).json().get("value").asString())
                .isEqualTo("two");
    }

    @Test
    void badPathsAndBodiesAreRefusedNamingTheField() {
        assertThat(write("Payments/api/prod/x", "{\"value\":\"x\"}", engineer).json().get("field").asString())
                .isEqualTo("path");
        assertThat(write("payments/api/prod", "{\"value\":\"x\"}", engineer).json().get("field").asString())
                .isEqualTo("path");
        assertThat(write("payments/api/prod/x/", "{\"value\":\"x\"}", engineer).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/secrets/data/", engineer).json().get("field").asString()).isEqualTo("path");
        assertThat(write("payments/api/prod/x", "{\"cas\":0}", engineer).json().get("field").asString())
                .isEqualTo("value");
        assertThat(write("payments/api/prod/x", "{\"value\":\"\"}", engineer).json().get("field").asString())
                .isEqualTo("value");
        assertThat(api.send("POST", "/api/v1/secrets/destroy/payments/api/prod/x", "{}", keeper).json()
                .get("field").asString()).isEqualTo("versions");
        assertThat(api.send("POST", "/api/v1/secrets/rollback/payments/api/prod/x", "{}", engineer).json()
                .get("field").asString()).isEqualTo("version");
        assertThat(api.get("/api/v1/secrets/data/payments/api/prod/x", engineer).status())
                .as("nothing was written").isEqualTo(404);
    }

    @Test
    void anUnknownSecretIsNotFoundButOnlyForThoseAllowedToAsk() {
        assertThat(api.get("/api/v1/secrets/data/nobody/api/prod/absent", engineer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/secrets/metadata/nobody/api/prod/absent", viewer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/secrets/data/nobody/api/prod/absent", viewer).status())
                .as("a viewer learns nothing about existence from a read").isEqualTo(403);
    }

    @Test
    void aViewerSeesMetadataAndHistoryButNeverAValue() {
        write("billing/worker/prod/smtp", "{\"value\":\"" + CANARY_JSON + "\"}", engineer);

        Answer denied = api.get("/api/v1/secrets/data/billing/worker/prod/smtp", viewer);
        Answer metadata = api.get("/api/v1/secrets/metadata/billing/worker/prod/smtp", viewer);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.json().get("ownerTeam").asString()).isEqualTo("billing");
        assertThat(metadata.json().get("currentVersion").asLong()).isEqualTo(1);
        JsonNode version = metadata.json().get("versions").get(0);
        assertThat(version.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(version.get("keyVersion").asInt()).isEqualTo(1);
        assertThat(version.get("createdBy").asString()).isEqualTo("api-engineer");
        assertThat(metadata.body()).doesNotContain("canary-7f3e");
    }

    @Test
    void listingPagesThroughAPrefixByPath() {
        for (String name : new String[] {"c", "a", "b"}) {
            write("listing/app/dev/" + name, "{\"value\":\"x\"}", engineer);
        }
        write("listing-other/app/dev/a", "{\"value\":\"x\"}", engineer);

        Answer first = api.get("/api/v1/secrets/metadata?prefix=listing/&size=2", viewer);
        Answer second = api.get("/api/v1/secrets/metadata?prefix=listing/&size=2&page=1", viewer);

        assertThat(first.json().get("total").asLong()).isEqualTo(3);
        assertThat(first.json().get("items").valueStream().map(i -> i.get("path").asString()))
                .containsExactly("listing/app/dev/a", "listing/app/dev/b");
        assertThat(second.json().get("items").valueStream().map(i -> i.get("path").asString()))
                .containsExactly("listing/app/dev/c");
    }

    @Test
    void versionsAreDeletedUndeletedRolledBackAndDestroyed() {
        String path = "orders/api/prod/db";
        write(path, "{\"value\":\"good\"}", engineer);
        write(path, "{\"value\":\"broken\"}", engineer);

        assertThat(api.send("DELETE", "/api/v1/secrets/data/" + path, null, engineer).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/secrets/data/" + path, engineer).status()).isEqualTo(404);
        assertThat(api.send("POST", "/api/v1/secrets/undelete/" + path, "{\"versions\":[2]}", engineer).status())
                .isEqualTo(204);
        Answer rolledBack = api.send("POST", "/api/v1/secrets/rollback/" + path, "{\"version\":1}", engineer);
        assertThat(rolledBack.json().get("version").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/secrets/data/" + path, engineer).json().get("value").asString())
                .isEqualTo("good");
        assertThat(api.send("POST", "/api/v1/secrets/delete/" + path, "{\"versions\":[1,2]}", engineer).status())
                .isEqualTo(204);
        assertThat(api.send("POST", "/api/v1/secrets/destroy/" + path, "{\"versions\":[2]}", engineer).status())
                .as("only a secrets administrator destroys").isEqualTo(403);
        assertThat(api.send("POST", "/api/v1/secrets/destroy/" + path, "{\"versions\":[2]}", keeper).status())
                .isEqualTo(204);

        JsonNode versions = api.get("/api/v1/secrets/metadata/" + path, viewer).json().get("versions");
        assertThat(versions.valueStream().map(v -> v.get("state").asString()))
                .containsExactly("DELETED", "DESTROYED", "ACTIVE");
        assertThat(versions.get(1).get("keyVersion").isNull()).isTrue();
    }

    @Test
    void aSecretsAdministratorConfiguresDescriptionAndKeptVersions() {
        String path = "orders/worker/prod/queue";
        for (int i = 1; i <= 3; i++) {
            write(path, "{\"value\":\"v" + i + "\"}", engineer);
        }

        Answer configured = api.send("PUT", "/api/v1/secrets/metadata/" + path,
                "{\"description\":\"queue password\",\"maxVersions\":2}", keeper);
        Answer onlyDescription = api.send("POST", "/api/v1/secrets/metadata/" + path,
                "{\"description\":\"the queue's password\"}", keeper);
        Answer tooMany = api.send("PUT", "/api/v1/secrets/metadata/" + path, "{\"maxVersions\":1000}", keeper);

        assertThat(configured.status()).isEqualTo(200);
        assertThat(configured.json().get("versions").get(0).get("state").asString()).isEqualTo("DESTROYED");
        assertThat(onlyDescription.json().get("description").asString()).isEqualTo("the queue's password");
        assertThat(onlyDescription.json().get("maxVersions").asInt()).isEqualTo(2);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("field").asString()).isEqualTo("maxVersions");
    }

    @Test
    void aSealedVaultAnswers503SayingHowToUnsealAndOpensAgainFromItsKeyFile() {
        write("ops/api/prod/sealed", "{\"value\":\"x\"}", engineer);

        Answer sealed = api.send("POST", "/api/v1/secrets/seal", null, keeper);
        Answer refused = api.get("/api/v1/secrets/data/ops/api/prod/sealed", engineer);
        Answer status = api.get("/api/v1/secrets/seal-status", viewer);
        Answer unsealed = api.send("POST", "/api/v1/secrets/unseal", null, keeper);

        assertThat(sealed.json().get("sealed").asBoolean()).isTrue();
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("POST /api/v1/secrets/unseal");
        assertThat(status.json().get("sealed").asBoolean()).isTrue();
        assertThat(status.json().get("mode").asString()).isEqualTo("KEY_FILE");
        assertThat(unsealed.status()).isEqualTo(200);
        assertThat(unsealed.json().get("sealed").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/secrets/data/ops/api/prod/sealed", engineer).status()).isEqualTo(200);
    }

    @Test
    void aKeyFileVaultCannotBeInitialisedWithShares() {
        Answer init = api.send("POST", "/api/v1/secrets/init", "{\"shares\":3,\"threshold\":2}", keeper);

        assertThat(init.status()).isEqualTo(409);
        assertThat(init.json().get("field").asString()).isEqualTo("vault");
    }

    @Test
    void aValueNeverReachesTheLogsNorAnErrorEvenInABrokenBody(CapturedOutput output) {
        write("audit/api/prod/smtp", "{\"value\":\"" + CANARY_JSON + "\"}", engineer);
        api.get("/api/v1/secrets/data/audit/api/prod/smtp", engineer);

        Answer unterminated = write("audit/api/prod/smtp", "{\"value\":\"" + CANARY_JSON, engineer);
        Answer wrongType = write("audit/api/prod/smtp", "{\"value\":\"x\",\"cas\":\"" + CANARY_JSON + "\"}",
                engineer);

        assertThat(unterminated.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(unterminated.body() + wrongType.body()).doesNotContain("canary-7f3e");
        assertThat(output.getAll()).doesNotContain("canary-7f3e");
    }

    @Test
    void aScanOfAPathThatClimbsOutOfTheAllowedRootsIsRefusedOnTheRepositoryFieldBeforeItIsQueued() {
        String climbing = System.getProperty("java.io.tmpdir") + "/../../../../../../usr";

        Answer refused = api.send("POST", "/api/v1/secrets/scans",
                "{\"repository\":\"" + climbing + "\"}", keeper);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("field").asString()).isEqualTo("repository");
        assertThat(refused.json().toString()).contains("outside the directories allowed for scans");
    }

    private Answer write(String path, String body, String token) {
        return api.send("PUT", "/api/v1/secrets/data/" + path, body, token);
    }
}
