package dev.gantry.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.api.ApiTestSupport;
import dev.gantry.domain.Role;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Vault tokens as a CI job uses them: created over HTTP by a secrets administrator, presented as
 * {@code Authorization: Bearer gvt_...}, limited to their policy's paths, and refused once they or a parent ended.
 */
class VaultTokenApiIntegrationTests extends ApiTestSupport {

    private static final String POLICY = """
            {"name":"tokens-ci","description":"CI reads the api's production secrets",
             "rules":[{"pathGlob":"tokens/api/prod/**","capabilities":["read","list"]}]}""";

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;
    @Autowired JdbcTemplate jdbc;

    private ApiCaller api;
    private String keeper;

    @BeforeAll
    void policyAndSecrets() {
        api = new ApiCaller(port);
        keeper = ApiCaller.tokenFor("tokens-keeper", users, teams, tokens, Role.SECRETS_ADMIN);
        assertThat(api.send("POST", "/api/v1/secrets/policies", POLICY, keeper).status()).isEqualTo(201);
        api.send("PUT", "/api/v1/secrets/data/tokens/api/prod/db", "{\"value\":\"api-db\"}", keeper);
        api.send("PUT", "/api/v1/secrets/data/tokens/web/prod/db", "{\"value\":\"web-db\"}", keeper);
    }

    @Test
    void aVaultTokenReadsThePathsOfItsPolicyAndNothingElse() {
        Answer created = create("{\"name\":\"ci\",\"policies\":[\"tokens-ci\"],\"ttl\":\"1h\"}", keeper);
        String token = created.json().get("value").asString();

        Answer allowed = api.get("/api/v1/secrets/data/tokens/api/prod/db", token);
        Answer otherPath = api.get("/api/v1/secrets/data/tokens/web/prod/db", token);
        Answer write = api.send("PUT", "/api/v1/secrets/data/tokens/api/prod/db", "{\"value\":\"x\"}", token);
        Answer self = api.get("/api/v1/secrets/tokens/self", token);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(token).startsWith("gvt_");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.json().get("value").asString()).isEqualTo("api-db");
        assertThat(otherPath.status()).isEqualTo(403);
        assertThat(write.status()).as("the policy grants read only").isEqualTo(403);
        assertThat(self.json().get("owner").asString()).isEqualTo("tokens-keeper");
        assertThat(self.json().get("policies").valueStream().map(p -> p.asString())).containsExactly("tokens-ci");
        assertThat(api.get("/api/v1/secrets/capabilities?path=tokens/api/prod/db", token).json()
                .get("capabilities").valueStream().map(c -> c.asString())).containsExactlyInAnyOrder("read", "list");
    }

    @Test
    void aVaultTokenOpensNothingOutsideTheVault() {
        String token = create("{\"name\":\"ci\",\"policies\":[\"tokens-ci\"],\"ttl\":\"1h\"}", keeper).json()
                .get("value").asString();

        for (String path : new String[] {"/api/v1/teams", "/api/v1/audit/entries", "/api/v1/catalog/services",
                "/api/v1/users", "/metrics"}) {
            Answer answer = api.get(path, token);
            assertThat(answer.status()).as(path).isIn(401, 403);
        }
        assertThat(api.get("/api/v1/secrets/policies", token).status())
                .as("policy management is for people").isEqualTo(403);
        assertThat(api.get("/api/v1/secrets/scans", token).status()).isEqualTo(403);
    }

    @Test
    void revokingAParentEndsTheChildrenItCreated() {
        Answer parent = create("{\"name\":\"pipeline\",\"policies\":[\"tokens-ci\"],\"ttl\":\"1h\",\"maxTtl\":\"4h\","
                + "\"renewable\":true}", keeper);
        String parentToken = parent.json().get("value").asString();
        String parentId = parent.json().get("token").get("id").asString();
        Answer child = create("{\"name\":\"step\",\"policies\":[\"tokens-ci\"],\"ttl\":\"30m\"}", parentToken);
        String childToken = child.json().get("value").asString();

        assertThat(child.json().get("token").get("parentId").asString()).isEqualTo(parentId);
        assertThat(api.get("/api/v1/secrets/data/tokens/api/prod/db", childToken).status()).isEqualTo(200);

        Answer revoked = api.send("DELETE", "/api/v1/secrets/tokens/" + parentId, null, keeper);
        Answer childAfter = api.get("/api/v1/secrets/data/tokens/api/prod/db", childToken);

        assertThat(revoked.json().get("revoked").asInt()).isEqualTo(2);
        assertThat(childAfter.status()).isEqualTo(401);
        assertThat(childAfter.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/secrets/data/tokens/api/prod/db", parentToken).status()).isEqualTo(401);
    }

    @Test
    void anExpiredOrUnknownTokenIsRefused() {
        Answer created = create("{\"name\":\"short\",\"policies\":[\"tokens-ci\"],\"ttl\":\"5m\"}", keeper);
        String token = created.json().get("value").asString();
        UUID id = UUID.fromString(created.json().get("token").get("id").asString());
        assertThat(api.get("/api/v1/secrets/data/tokens/api/prod/db", token).status()).isEqualTo(200);

        // Its lifetime passes: the row says it ended a minute ago.
        jdbc.update("update secret_token set expires_at = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), id);

        assertThat(api.get("/api/v1/secrets/data/tokens/api/prod/db", token).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/secrets/data/tokens/api/prod/db",
                "gvt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(401);
    }

    @Test
    void aRenewableTokenRenewsItselfWithinItsMaximumLifetime() {
        Answer created = create("{\"name\":\"renewing\",\"policies\":[\"tokens-ci\"],\"ttl\":\"10m\","
                + "\"maxTtl\":\"30m\",\"renewable\":true}", keeper);
        String token = created.json().get("value").asString();
        Instant before = Instant.parse(created.json().get("token").get("expiresAt").asString());

        Answer renewed = api.send("POST", "/api/v1/secrets/tokens/renew-self", "{\"increment\":\"2h\"}", token);

        assertThat(renewed.status()).isEqualTo(200);
        Instant after = Instant.parse(renewed.json().get("expiresAt").asString());
        assertThat(after).isAfter(before)
                .isEqualTo(Instant.parse(renewed.json().get("maxExpiresAt").asString()));
    }

    @Test
    void badTokenRequestsNameTheField() {
        assertThat(create("{\"name\":\"x\",\"policies\":[\"tokens-ci\"],\"ttl\":\"soon\"}", keeper).json()
                .get("field").asString()).isEqualTo("ttl");
        assertThat(create("{\"name\":\"x\",\"policies\":[],\"ttl\":\"1h\"}", keeper).json()
                .get("field").asString()).isEqualTo("policies");
        assertThat(create("{\"name\":\"x\",\"policies\":[\"no-such-policy\"],\"ttl\":\"1h\"}", keeper).json()
                .get("field").asString()).isEqualTo("policies");
        assertThat(api.get("/api/v1/secrets/tokens/self", keeper).json().get("field").asString())
                .isEqualTo("Authorization");
    }

    private Answer create(String body, String token) {
        return api.send("POST", "/api/v1/secrets/tokens", body, token);
    }
}
