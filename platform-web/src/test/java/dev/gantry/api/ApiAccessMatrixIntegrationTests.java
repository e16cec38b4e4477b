package dev.gantry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.gantry.access.AccountKind;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.NewUser;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.Role;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every REST endpoint against every role, over real HTTP with real tokens holding every scope: an endpoint answers
 * 403 unless the token owner's role grants it, 401 without a token, and 403 when the token lacks the scope.
 */
class ApiAccessMatrixIntegrationTests extends ApiTestSupport {

    record Endpoint(String method, String path, String body, Set<Role> granted, ApiScope scope) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> LISTING = EnumSet.of(Role.SECRETS_ADMIN, Role.ENGINEER, Role.VIEWER);
    /**
     * Secret paths open through policies (ADR 6): a global ENGINEER or VIEWER holds none on another team's paths,
     * only the global SECRETS_ADMIN's built-in policy covers every path.
     */
    private static final Set<Role> ON_SECRET_PATHS = EnumSet.of(Role.SECRETS_ADMIN);
    private static final Set<Role> SECRETS_ADMIN = EnumSet.of(Role.SECRETS_ADMIN);
    private static final Set<Role> POLICY_READERS = EnumSet.of(Role.SECRETS_ADMIN, Role.ADMIN, Role.AUDITOR);
    private static final Set<Role> POLICY_MANAGERS = EnumSet.of(Role.SECRETS_ADMIN, Role.ADMIN);
    private static final String SECRET = "matrix/api/prod/db-password";
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/catalog/services", null, EVERYONE, ApiScope.CATALOG_READ),
            new Endpoint("POST", "/api/v1/catalog/services", """
                    {"slug":"matrix-svc","name":"Matrix","ownerTeam":"matrix-team","tier":"LOW",
                     "environments":["STAGING"]}""", EnumSet.of(Role.ADMIN), ApiScope.CATALOG_WRITE),
            new Endpoint("GET", "/api/v1/users", null, EnumSet.of(Role.ADMIN, Role.AUDITOR), ApiScope.USERS_READ),
            new Endpoint("POST", "/api/v1/users", """
                    {"username":"made-by-matrix","displayName":"Made"}""", EnumSet.of(Role.ADMIN),
                    ApiScope.USERS_WRITE),
            new Endpoint("GET", "/api/v1/teams", null, EVERYONE, ApiScope.USERS_READ),
            new Endpoint("POST", "/api/v1/teams", """
                    {"slug":"made-by-matrix","name":"Made"}""", EnumSet.of(Role.ADMIN), ApiScope.TEAMS_WRITE),
            new Endpoint("GET", "/api/v1/audit/entries", null, EnumSet.of(Role.ADMIN, Role.AUDITOR),
                    ApiScope.AUDIT_READ),
            new Endpoint("POST", "/api/v1/audit/verify", null, EnumSet.of(Role.ADMIN, Role.AUDITOR),
                    ApiScope.AUDIT_VERIFY),
            new Endpoint("GET", "/api/v1/audit/export?format=json", null, EnumSet.of(Role.ADMIN, Role.AUDITOR),
                    ApiScope.AUDIT_READ),
            new Endpoint("GET", "/api/v1/policy", null, EVERYONE, ApiScope.POLICY_READ),
            new Endpoint("GET", "/metrics", null, EVERYONE, ApiScope.METRICS_READ),
            new Endpoint("GET", "/api/v1/secrets/seal-status", null, EVERYONE, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/metadata?prefix=matrix/", null, LISTING, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/metadata/" + SECRET, null, ON_SECRET_PATHS, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/data/" + SECRET, null, ON_SECRET_PATHS, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/data/" + SECRET + "?version=1", null, ON_SECRET_PATHS,
                    ApiScope.SECRETS_READ),
            new Endpoint("PUT", "/api/v1/secrets/data/" + SECRET, """
                    {"value":"from the matrix"}""", ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/data/" + SECRET, """
                    {"value":"from the matrix"}""", ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/delete/" + SECRET, "{}", ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/undelete/" + SECRET, """
                    {"versions":[1]}""", ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/rollback/" + SECRET, """
                    {"version":2}""", ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("DELETE", "/api/v1/secrets/data/" + SECRET, null, ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/destroy/" + SECRET, """
                    {"versions":[1]}""", SECRETS_ADMIN, ApiScope.SECRETS_WRITE),
            new Endpoint("PUT", "/api/v1/secrets/metadata/" + SECRET, """
                    {"description":"matrix","maxVersions":20}""", SECRETS_ADMIN, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/metadata/" + SECRET, """
                    {"description":"matrix","maxVersions":20}""", SECRETS_ADMIN, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/init", """
                    {"shares":3,"threshold":2}""", SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("POST", "/api/v1/secrets/unseal", "{}", SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("POST", "/api/v1/secrets/unseal/reset", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("POST", "/api/v1/secrets/seal", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("POST", "/api/v1/secrets/root-key/rotate", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("GET", "/api/v1/secrets/rekey/status", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("POST", "/api/v1/secrets/rekey/cancel", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("GET", "/api/v1/secrets/rewrap/status", null, EnumSet.of(Role.SECRETS_ADMIN, Role.AUDITOR),
                    ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/tokens", null, EVERYONE, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/policies", null, POLICY_READERS, ApiScope.SECRETS_READ),
            new Endpoint("POST", "/api/v1/secrets/policies", """
                    {"name":"matrix-policy","rules":[{"pathGlob":"matrix/**","capabilities":["list"]}]}""",
                    POLICY_MANAGERS, ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/policies/matrix-policy/grants", """
                    {"kind":"team","name":"matrix-team"}""", POLICY_MANAGERS, ApiScope.SECRETS_WRITE),
            new Endpoint("GET", "/api/v1/secrets/capabilities?path=" + SECRET, null, EVERYONE,
                    ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/rotation/policies", null, LISTING, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/rotation/status?prefix=matrix/", null, EVERYONE,
                    ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/rotation/overview", null, EVERYONE, ApiScope.SECRETS_READ),
            new Endpoint("POST", "/api/v1/secrets/rotate/" + SECRET, null, ON_SECRET_PATHS, ApiScope.SECRETS_WRITE),
            new Endpoint("PUT", "/api/v1/secrets/expiry/" + SECRET, "{\"expiresAt\":null}", ON_SECRET_PATHS,
                    ApiScope.SECRETS_WRITE),
            new Endpoint("GET", "/api/v1/secrets/export/public-key", null, EVERYONE, ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/export/generations", null, EVERYONE, ApiScope.SECRETS_READ),
            new Endpoint("POST", "/api/v1/secrets/export/seal/" + SECRET, "{\"value\":\"sealed\"}", EVERYONE,
                    ApiScope.SECRETS_WRITE),
            new Endpoint("POST", "/api/v1/secrets/export/generations", null, SECRETS_ADMIN, ApiScope.SECRETS_SEAL),
            new Endpoint("GET", "/api/v1/secrets/scans", null, EnumSet.of(Role.SECRETS_ADMIN, Role.AUDITOR),
                    ApiScope.SECRETS_READ),
            new Endpoint("GET", "/api/v1/secrets/scans/allowed", null, EnumSet.of(Role.SECRETS_ADMIN, Role.AUDITOR),
                    ApiScope.SECRETS_READ),
            new Endpoint("POST", "/api/v1/secrets/scans", "{\"repository\":\"/nonexistent/matrix-repo\"}",
                    SECRETS_ADMIN, ApiScope.SECRETS_WRITE));

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;
    @Autowired ApiTokens tokens;
    @Autowired SecretVault vault;
    @Autowired VaultSeal seal;
    @Autowired VaultUnsealing unsealing;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Role, String> allScopeTokens = new EnumMap<>(Role.class);
    private String tokenWithoutScopes;

    @BeforeAll
    void tokensForEveryRole() {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("matrix-admin",
                List.of(Role.ADMIN)));
        try {
            teams.create(new dev.gantry.access.NewTeam("matrix-team", "Matrix team", ""));
            for (Role role : Role.values()) {
                String username = "matrix-" + role.name().toLowerCase().replace('_', '-');
                users.create(new NewUser(username, "Matrix " + role, null, AccountKind.SERVICE));
                teams.grant(username, role, null);
                allScopeTokens.put(role, tokens.create(username, "matrix", EnumSet.allOf(ApiScope.class),
                        Duration.ofHours(1)).value());
            }
            tokenWithoutScopes = tokens.create("matrix-admin", "narrow",
                    EnumSet.of(ApiScope.POLICY_READ), Duration.ofHours(1)).value();
        } finally {
            SecurityContextHolder.clearContext();
        }
        asSecretsAdmin(() -> vault.write(SECRET, SecretValue.of("first".toCharArray()), null));
    }

    /** The seal endpoint works when allowed; the endpoints after it need the vault open again. */
    @AfterEach
    void vaultOpen() {
        if (seal.status().sealed()) {
            asSecretsAdmin(unsealing::unsealFromKeyFile);
        }
    }

    private static void asSecretsAdmin(Runnable action) {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("matrix-keeper",
                List.of(Role.SECRETS_ADMIN)));
        try {
            action.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    Stream<Arguments> endpointsAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role, endpoint.granted().contains(role)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed = {2}")
    @MethodSource("endpointsAndRoles")
    void anEndpointAnswersOnlyTheRolesItGrants(Endpoint endpoint, Role role, boolean allowed) throws Exception {
        int status = call(endpoint, allScopeTokens.get(role));

        if (allowed) {
            assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
        }
    }

    @Test
    void everyEndpointRefusesARequestWithoutAToken() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            assertThat(call(endpoint, null)).as(endpoint.toString()).isEqualTo(401);
            assertThat(call(endpoint, "gty_not-a-real-token")).as(endpoint.toString()).isEqualTo(401);
        }
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedEvenForAnAdmin() throws Exception {
        for (Endpoint endpoint : ENDPOINTS) {
            int expected = endpoint.scope() == ApiScope.POLICY_READ ? 200 : 403;
            assertThat(call(endpoint, tokenWithoutScopes)).as(endpoint.toString()).isEqualTo(expected);
        }
    }

    private int call(Endpoint endpoint, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .timeout(Duration.ofSeconds(20))
                .method(endpoint.method(), endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(endpoint.body()))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
