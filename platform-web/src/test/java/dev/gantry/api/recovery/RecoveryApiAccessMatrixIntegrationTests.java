package dev.gantry.api.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import dev.gantry.domain.Role;
import dev.gantry.recovery.BackupPlan;
import dev.gantry.recovery.BackupPlanDraft;
import dev.gantry.recovery.BackupPlans;
import dev.gantry.recovery.BackupPoint;
import dev.gantry.recovery.BackupService;
import dev.gantry.recovery.DrillPlan;
import dev.gantry.recovery.DrillPlanDraft;
import dev.gantry.recovery.DrillPlans;
import dev.gantry.recovery.DrillReport;
import dev.gantry.recovery.KeepRules;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.RestoreDrills;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.Validation;
import dev.gantry.config.RecoveryDefaults;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Every recovery endpoint against every role, over real HTTP with real tokens holding every scope (in the style
 * of {@code ApiAccessMatrixIntegrationTests}): reading needs ADMIN, AUDITOR, ENGINEER or VIEWER and the scope
 * {@code recovery:read}; everything that changes or runs something needs ADMIN and {@code recovery:write}.
 */
class RecoveryApiAccessMatrixIntegrationTests extends RecoveryApiTestSupport {

    record Endpoint(String method, String path, String body, Set<Role> granted) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.AUDITOR, Role.ENGINEER, Role.VIEWER);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    @Autowired BackupPlans plans;
    @Autowired BackupService backups;
    @Autowired DrillPlans drillPlans;
    @Autowired RestoreDrills drills;
    @Autowired RecoveryDefaults defaults;

    private Map<String, String> ids;

    @BeforeAll
    void aPlanWithABackupAndADrill() throws Exception {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("recovery-root",
                List.of(Role.ADMIN)));
        try {
            String name = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            BackupPlan plan = plans.create(new BackupPlanDraft("matrix-svc", "Matrix service", name,
                    new SourceSpec.Command(List.of("sh", "-c", "echo matrix")), "0 0 2 * * ?",
                    defaults.locations().stream().<LocationSpec>map(LocationSpec.Directory::new).toList(),
                    KeepRules.everything(), null, null, Duration.ofHours(1)));
            BackupPoint point = backups.runPlan(plan.id());
            DrillPlan drillPlan = drillPlans.create(new DrillPlanDraft(name + "-drill", plan.id(), "0 0 3 1 * ?",
                    DrillPlanDraft.Selection.LATEST, null,
                    new ScratchSpec.NewDirectory(defaults.scratchDirectory().toString()),
                    List.of(new Validation.MatchesExpectation()), Duration.ofMinutes(5)));
            DrillReport drill = drills.runDrill(drillPlan.id());
            ids = Map.of("{plan}", plan.id().toString(), "{point}", point.id().toString(), "{drillPlan}",
                    drillPlan.id().toString(), "{drill}", drill.drillId().toString(), "{name}", name);
        } finally {
            SecurityContextHolder.clearContext();
        }
        Reply run = asAdmin("POST", "/api/v1/recovery/plans/" + ids.get("{plan}") + "/backups", null);
        awaitRun(run.raw().headers().firstValue("Location").orElseThrow());
        ids = new java.util.HashMap<>(ids);
        ids.put("{run}", run.body().path("id").asString());
    }

    List<Endpoint> endpoints() {
        String plan = """
                {"serviceId":"matrix-svc","serviceName":"Matrix","name":"{name}-x","source":{"kind":"COMMAND",
                 "argv":["echo","x"]},"cron":"0 0 2 * * ?","version":1}""";
        String drillPlan = """
                {"name":"{name}-drill-x","backupPlanId":"{plan}","cron":"0 0 3 1 * ?","version":1}""";
        return List.of(
                new Endpoint("GET", "/api/v1/recovery/plans", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/plans/{plan}", null, READERS),
                new Endpoint("POST", "/api/v1/recovery/plans", plan, ADMIN),
                new Endpoint("PUT", "/api/v1/recovery/plans/{plan}", plan.replace("-x\"", "\""), ADMIN),
                new Endpoint("POST", "/api/v1/recovery/plans/{plan}/backups", null, ADMIN),
                new Endpoint("GET", "/api/v1/recovery/plans/{plan}/points", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/points/{point}", null, READERS),
                new Endpoint("POST", "/api/v1/recovery/points/{point}/restores", """
                        {"target":{"kind":"DIRECTORY","parent":"%s"}}""".formatted(defaults.scratchDirectory()),
                        ADMIN),
                new Endpoint("GET", "/api/v1/recovery/runs/{run}", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/drill-plans", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/drill-plans/{drillPlan}", null, READERS),
                new Endpoint("POST", "/api/v1/recovery/drill-plans", drillPlan, ADMIN),
                new Endpoint("PUT", "/api/v1/recovery/drill-plans/{drillPlan}", drillPlan.replace("-x\"", "\""),
                        ADMIN),
                new Endpoint("POST", "/api/v1/recovery/drill-plans/{drillPlan}/drills", null, ADMIN),
                new Endpoint("POST", "/api/v1/recovery/drill-plans/{drillPlan}/escrow-drills",
                        "{\"escrow\":\"not an escrow\",\"passphrase\":\"matrix passphrase\"}", ADMIN),
                new Endpoint("GET", "/api/v1/recovery/drill-plans/{drillPlan}/reports", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/drills/{drill}", null, READERS),
                new Endpoint("POST", "/api/v1/recovery/escrow", """
                        {"passphrase":"matrix passphrase kept elsewhere"}""", ADMIN),
                new Endpoint("GET", "/api/v1/recovery/compliance", null, READERS),
                new Endpoint("GET", "/api/v1/recovery/compliance/matrix-svc", null, READERS));
    }

    Stream<Arguments> endpointsAndRoles() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Role role : Role.values()) {
                cases.add(Arguments.of(endpoint, role, endpoint.granted().contains(role)));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}: allowed = {2}")
    @MethodSource("endpointsAndRoles")
    void aRecoveryEndpointAnswersOnlyTheRolesItGrants(Endpoint endpoint, Role role, boolean allowed) throws Exception {
        int status = send(endpoint, tokenOf.get(role));

        if (allowed) {
            assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
        }
    }

    @Test
    void everyRecoveryEndpointRefusesARequestWithoutAValidToken() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            assertThat(send(endpoint, null)).as(endpoint.toString()).isEqualTo(401);
            assertThat(send(endpoint, "gty_not-a-real-token")).as(endpoint.toString()).isEqualTo(401);
        }
    }

    @Test
    void anAdminsTokenWithoutTheRecoveryScopesIsRefused() throws Exception {
        for (Endpoint endpoint : endpoints()) {
            assertThat(send(endpoint, tokenWithoutRecoveryScopes)).as(endpoint.toString()).isEqualTo(403);
        }
    }

    private int send(Endpoint endpoint, String token) throws Exception {
        String path = endpoint.path();
        String body = endpoint.body();
        for (var id : ids.entrySet()) {
            path = path.replace(id.getKey(), id.getValue());
            body = body == null ? null : body.replace(id.getKey(), id.getValue());
        }
        return call(endpoint.method(), path, body, token).status();
    }
}
