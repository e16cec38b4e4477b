package dev.gantry.api.recovery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import dev.gantry.access.AccountKind;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.NewUser;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application over real HTTP on an H2 file database of its own, with a service account per role and a
 * token for each holding every scope. The recovery API tests share this one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecoveryApiTestSupport {

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "recovery-api");
    }

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;
    @Autowired JsonMapper json;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<Role, String> tokenOf = new EnumMap<>(Role.class);
    String tokenWithoutRecoveryScopes;

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        String field() {
            return body.path("field").asString();
        }
    }

    @BeforeAll
    void tokensForEveryRole() {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("recovery-root",
                List.of(Role.ADMIN)));
        try {
            for (Role role : Role.values()) {
                String username = "recovery-" + role.name().toLowerCase().replace('_', '-');
                if (users.find(username, PageRequest.of(0, 1)).isEmpty()) {
                    users.create(new NewUser(username, "Recovery " + role, null, AccountKind.SERVICE));
                    teams.grant(username, role, null);
                }
                tokenOf.put(role, tokens.create(username, "recovery", EnumSet.allOf(ApiScope.class),
                        Duration.ofHours(1)).value());
            }
            tokenWithoutRecoveryScopes = tokens.create("recovery-admin", "no recovery",
                    EnumSet.complementOf(EnumSet.of(ApiScope.RECOVERY_READ, ApiScope.RECOVERY_WRITE)),
                    Duration.ofHours(1)).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    Reply call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode node = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
        return new Reply(response.statusCode(), node, response);
    }

    Reply asAdmin(String method, String path, String body) throws Exception {
        return call(method, path, body, tokenOf.get(Role.ADMIN));
    }

    /** Polls the run until it is no longer queued or running. */
    JsonNode awaitRun(String location) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = asAdmin("GET", location, null).body();
            if (!List.of("QUEUED", "RUNNING").contains(run.path("state").asString())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run at " + location + " did not finish in 90 s");
    }

    static void eventually(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
