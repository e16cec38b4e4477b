package dev.gantry.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.api.ApiTestSupport;
import dev.gantry.domain.Role;
import dev.gantry.secrets.PublicKeySealer;
import dev.gantry.secrets.SecretValue;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.ApiCaller.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Rotating a secret now and the sealed-export round trip, over HTTP as an operator and CI would do them. */
class SecretsLifecycleApiIntegrationTests extends ApiTestSupport {

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiCaller api;
    private String keeper;
    private String viewer;

    @BeforeAll
    void callers() {
        api = new ApiCaller(port);
        keeper = ApiCaller.tokenFor("lifecycle-keeper", users, teams, tokens, Role.SECRETS_ADMIN);
        viewer = ApiCaller.tokenFor("lifecycle-viewer", users, teams, tokens, Role.VIEWER);
    }

    @Test
    void rotatingNowWritesANewCurrentValueAndReportsIt() {
        String path = "lifecycle/api/prod/db-password";
        api.send("PUT", "/api/v1/secrets/data/" + path, "{\"value\":\"before-rotation\"}", keeper);
        Answer policy = api.send("PUT", "/api/v1/secrets/rotation/policies", """
                {"scope":"secret","selector":"%s","rotator":"password","interval":"P30D"}""".formatted(path), keeper);

        Answer rotated = api.send("POST", "/api/v1/secrets/rotate/" + path, null, keeper);
        Answer read = api.get("/api/v1/secrets/data/" + path, keeper);
        Answer status = api.get("/api/v1/secrets/rotation/status?prefix=lifecycle/", keeper);

        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json().get("interval").asString()).isEqualTo("P30D");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.json().get("outcome").asString()).isEqualTo("ROTATED");
        assertThat(rotated.json().get("version").asLong()).isEqualTo(2);
        assertThat(rotated.body()).doesNotContain("before-rotation");
        assertThat(read.json().get("version").asLong()).isEqualTo(2);
        assertThat(read.json().get("value").asString()).isNotEqualTo("before-rotation").isNotBlank();
        assertThat(status.json().get(0).get("path").asString()).isEqualTo(path);
        assertThat(status.json().get(0).get("previousVersion").asLong()).isEqualTo(1);
    }

    @Test
    void rotatingWithoutAPolicyOrTheCapabilityIsRefused() {
        String path = "lifecycle/api/prod/unmanaged";
        api.send("PUT", "/api/v1/secrets/data/" + path, "{\"value\":\"x\"}", keeper);

        Answer noPolicy = api.send("POST", "/api/v1/secrets/rotate/" + path, null, keeper);
        Answer notAllowed = api.send("POST", "/api/v1/secrets/rotate/" + path, null, viewer);
        Answer badInterval = api.send("PUT", "/api/v1/secrets/rotation/policies", """
                {"scope":"secret","selector":"%s","rotator":"password","interval":"often"}""".formatted(path),
                keeper);

        assertThat(noPolicy.status()).isEqualTo(400);
        assertThat(noPolicy.json().get("field").asString()).isEqualTo("path");
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(badInterval.json().get("field").asString()).isEqualTo("interval");
    }

    @Test
    void aValueSealedWithThePublicKeyImportsBackAtItsPath() throws Exception {
        String path = "lifecycle/web/prod/smtp";
        Answer publicKey = api.get("/api/v1/secrets/export/public-key", keeper);
        // As CI does it: nothing but the public key, no call to the vault.
        String sealedByCi = PublicKeySealer.fromPublicKey(publicKey.body())
                .seal(path, SecretValue.of("sealed-in-ci".toCharArray()));
        Answer sealedByVault = api.send("POST", "/api/v1/secrets/export/seal/" + path,
                "{\"value\":\"sealed-by-vault\"}", keeper);

        HttpResponse<String> importedCi = importSealed(sealedByCi, keeper);
        String afterCi = api.get("/api/v1/secrets/data/" + path, keeper).json().get("value").asString();
        HttpResponse<String> importedVault = importSealed(sealedByVault.body(), keeper);
        String afterVault = api.get("/api/v1/secrets/data/" + path, keeper).json().get("value").asString();

        assertThat(publicKey.body()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(publicKey.header("X-Gantry-Key-Id")).hasSize(16);
        assertThat(sealedByVault.body()).contains("Path: " + path).doesNotContain("sealed-by-vault");
        assertThat(importedCi.statusCode()).isEqualTo(200);
        assertThat(afterCi).isEqualTo("sealed-in-ci");
        assertThat(importedVault.statusCode()).isEqualTo(200);
        assertThat(afterVault).isEqualTo("sealed-by-vault");
    }

    @Test
    void aSealedFileMovedToAnotherPathDoesNotOpen() throws Exception {
        String sealed = api.send("POST", "/api/v1/secrets/export/seal/lifecycle/web/prod/a",
                "{\"value\":\"meant-for-a\"}", keeper).body();

        HttpResponse<String> moved = importSealed(sealed.replace("lifecycle/web/prod/a", "lifecycle/web/prod/b"),
                keeper);

        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(moved.body()).contains("\"field\":\"sealed\"").doesNotContain("meant-for-a");
        assertThat(api.get("/api/v1/secrets/data/lifecycle/web/prod/b", keeper).status()).isEqualTo(404);
    }

    private HttpResponse<String> importSealed(String text, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/secrets/export/import"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
