package dev.gantry.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import dev.gantry.access.AccountKind;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.NewUser;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP calls to the API of a running test application, with real tokens of real service accounts. */
public final class ApiCaller {

    /** What came back: status, headers and body, the body also as JSON when it is JSON. */
    public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public ApiCaller(int port) {
        this.port = port;
    }

    /** A service account holding {@code roles} globally and a one-hour token with every scope. */
    public static String tokenFor(String username, UserManagement users, TeamManagement teams, ApiTokens tokens,
                                  Role... roles) {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("api-caller-admin",
                List.of(Role.ADMIN)));
        try {
            users.create(new NewUser(username, "API caller " + username, null, AccountKind.SERVICE));
            for (Role role : roles) {
                teams.grant(username, role, null);
            }
            return tokens.create(username, "test", EnumSet.allOf(ApiScope.class), Duration.ofHours(1)).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    public Answer get(String path, @Nullable String token) {
        return send("GET", path, null, token);
    }

    public Answer send(String method, String path, @Nullable String body, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
