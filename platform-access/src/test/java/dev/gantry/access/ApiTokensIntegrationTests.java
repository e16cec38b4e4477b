package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.AuditAndClockTestConfiguration;
import dev.gantry.access.testing.MutableClock;
import dev.gantry.access.testing.RecordingAuditTrail;
import dev.gantry.access.testing.SignedIn;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** API tokens against a real database; subclasses choose which. */
@SpringBootTest(classes = AccessTestApplication.class)
@Import(AuditAndClockTestConfiguration.class)
abstract class ApiTokensIntegrationTests {

    private static final String ALICE = "alice";
    private static final Set<ApiScope> CATALOG_READ = Set.of(ApiScope.CATALOG_READ);

    @Autowired
    ApiTokens tokens;

    @Autowired
    MutableClock clock;

    @Autowired
    RecordingAuditTrail audit;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startClean() {
        jdbc.update("delete from access_api_token");
        clock.set(AuditAndClockTestConfiguration.START);
        audit.clear();
    }

    @AfterEach
    void auditWorksAgain() {
        audit.failFromNowOn(false);
    }

    @Test
    @WithMockUser(username = ALICE, roles = "ENGINEER")
    void aCreatedTokenAuthenticatesAsItsOwnerWithItsScopes() {
        CreatedToken created = tokens.create(ALICE, "  ci pipeline ", Set.of(ApiScope.CATALOG_READ, ApiScope.AUDIT_READ),
                Duration.ofDays(30));

        assertThat(created.value()).startsWith("gty_").hasSize(47);
        assertThat(created.name()).isEqualTo("ci pipeline");
        assertThat(created.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        assertThat(tokens.authenticate(created.value())).hasValueSatisfying(principal -> {
            assertThat(principal.owner()).isEqualTo(ALICE);
            assertThat(principal.tokenId()).isEqualTo(created.id());
            assertThat(principal.scopes()).containsExactlyInAnyOrder(ApiScope.CATALOG_READ, ApiScope.AUDIT_READ);
            assertThat(principal.has(ApiScope.CATALOG_WRITE)).isFalse();
            assertThat(principal.expiresAt()).isEqualTo(created.expiresAt());
        });
    }

    @Test
    @WithMockUser(username = ALICE)
    void creationIsAuditedWithoutTheValue() {
        CreatedToken created = tokens.create(ALICE, "ci", Set.of(ApiScope.POLICY_READ, ApiScope.CATALOG_READ),
                Duration.ofDays(7));

        assertThat(audit.records()).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("token.created");
            assertThat(record.actor()).isEqualTo(ALICE);
            assertThat(record.target()).isEqualTo("token:" + created.id());
            assertThat(record.details()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "tokenId", created.id().toString(),
                    "owner", ALICE,
                    "name", "ci",
                    "scopes", "catalog:read policy:read",
                    "expiresAt", created.expiresAt().toString()));
            assertThat(record.toString()).doesNotContain(created.value().substring(4));
        });
    }

    @Test
    @WithMockUser(username = ALICE)
    void theStoredTokenTableHoldsNoPlaintext() {
        CreatedToken created = tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(7));

        Map<String, Object> row = jdbc.queryForMap("select * from access_api_token where id = ?", created.id());
        String randomPart = created.value().substring(4);
        assertThat(row.values()).allSatisfy(column -> assertThat(String.valueOf(column)).doesNotContain(randomPart));
        assertThat(row.get("token_hash")).isEqualTo(sha256Hex(created.value()));
        assertThat(row.get("display_prefix")).isEqualTo(randomPart.substring(0, 8));
    }

    @Test
    @WithMockUser(username = ALICE)
    void aTokenStopsWorkingWhenItExpires() {
        CreatedToken created = tokens.create(ALICE, "short", CATALOG_READ, Duration.ofHours(1));

        clock.advance(Duration.ofMinutes(59));
        assertThat(tokens.authenticate(created.value())).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(tokens.authenticate(created.value())).isEmpty();
        assertThat(tokens.list(ALICE)).singleElement().extracting(ApiTokenView::state).isEqualTo(TokenState.EXPIRED);
    }

    @Test
    @WithMockUser(username = ALICE)
    void aRevokedTokenFailsOnTheVeryNextRequest() {
        CreatedToken created = tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(7));
        assertThat(tokens.authenticate(created.value())).isPresent();

        tokens.revoke(created.id());

        assertThat(tokens.authenticate(created.value())).isEmpty();
        assertThat(tokens.list(ALICE)).singleElement().satisfies(view -> {
            assertThat(view.state()).isEqualTo(TokenState.REVOKED);
            assertThat(view.revokedAt()).isEqualTo(clock.instant());
        });
        assertThat(audit.records()).extracting(AuditRecord::action).containsExactly("token.created", "token.revoked");
    }

    @Test
    @WithMockUser(username = "mallory", roles = "ENGINEER")
    void nobodyButTheOwnerOrAnAdministratorMayRevokeAToken() {
        CreatedToken alices = createAs(ALICE, "ci");

        assertThatThrownBy(() -> tokens.revoke(alices.id())).isInstanceOf(AccessDeniedException.class);

        assertThat(tokens.authenticate(alices.value())).isPresent();
        assertThat(audit.recordsFor("token:" + alices.id())).last().satisfies(record -> {
            assertThat(record.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(record.actor()).isEqualTo("mallory");
        });
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorMayRevokeAnyonesToken() {
        CreatedToken alices = createAs(ALICE, "ci");

        tokens.revoke(alices.id());

        assertThat(tokens.authenticate(alices.value())).isEmpty();
        assertThat(audit.recordsFor("token:" + alices.id())).last().extracting(AuditRecord::actor).isEqualTo("admin");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void revokingAllOfAUsersTokensTakesEffectAtOnceAndSparesOthers() {
        CreatedToken first = createAs(ALICE, "one");
        CreatedToken second = createAs(ALICE, "two");
        CreatedToken bobs = createAs("bob", "bob's");

        assertThat(tokens.revokeAllOf(ALICE)).isEqualTo(2);

        assertThat(tokens.authenticate(first.value())).isEmpty();
        assertThat(tokens.authenticate(second.value())).isEmpty();
        assertThat(tokens.authenticate(bobs.value())).isPresent();
        assertThat(audit.recordsFor("user:alice")).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("token.revoked-all");
            assertThat(record.details()).containsEntry("count", "2");
        });
    }

    @Test
    @WithMockUser(username = "victor", roles = "VIEWER")
    void aViewerCannotCreateATokenForSomeoneElse() {
        assertThatThrownBy(() -> tokens.create(ALICE, "stolen", CATALOG_READ, Duration.ofDays(1)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.list(ALICE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tokens.revokeAllOf(ALICE)).isInstanceOf(AccessDeniedException.class);

        assertThat(jdbc.queryForObject("select count(*) from access_api_token", Long.class)).isZero();
        assertThat(tokens.create("victor", "own", CATALOG_READ, Duration.ofDays(1)).owner()).isEqualTo("victor");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void anAdministratorCreatesTokensForServiceAccounts() {
        CreatedToken created = tokens.create("svc-deployer", "deploy bot", Set.of(ApiScope.CATALOG_WRITE),
                Duration.ofDays(90));

        assertThat(tokens.authenticate(created.value())).get().extracting(TokenPrincipal::owner).isEqualTo("svc-deployer");
        assertThat(audit.records()).singleElement().extracting(AuditRecord::actor).isEqualTo("admin");
    }

    @Test
    @WithMockUser(username = ALICE)
    void malformedAndUnknownValuesAreRefusedAlike() {
        CreatedToken created = tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(1));
        char last = created.value().charAt(46);
        String oneCharacterOff = created.value().substring(0, 46) + (last == 'A' ? 'B' : 'A');

        assertThat(tokens.authenticate(null)).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens.authenticate("gty_")).isEmpty();
        assertThat(tokens.authenticate("Bearer " + created.value())).isEmpty();
        assertThat(tokens.authenticate("' or 1=1 --")).isEmpty();
        assertThat(tokens.authenticate(oneCharacterOff)).isEmpty();
        assertThat(tokens.authenticate(created.value())).isPresent();
    }

    @Test
    @WithMockUser(username = ALICE)
    void requestsThatBreakTheRulesAreRefusedWithAClearMessage() {
        assertRefused(() -> tokens.create(ALICE, "   ", CATALOG_READ, Duration.ofDays(1)), "name must be 1 to 80");
        assertRefused(() -> tokens.create(ALICE, "x".repeat(81), CATALOG_READ, Duration.ofDays(1)), "name must be 1 to 80");
        assertRefused(() -> tokens.create(ALICE, "ci", Set.of(), Duration.ofDays(1)), "at least one scope");
        assertRefused(() -> tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofSeconds(59)),
                "between 1 minute and 365 days");
        assertRefused(() -> tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(366)),
                "between 1 minute and 365 days");

        assertThat(tokens.create(ALICE, "x".repeat(80), CATALOG_READ, Duration.ofDays(365))).isNotNull();
        assertThat(tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofMinutes(1))).isNotNull();
        assertThat(tokens.list(ALICE)).hasSize(2);
    }

    @Test
    @WithMockUser(username = ALICE)
    void theLastUseIsWrittenAtMostOnceAMinute() {
        CreatedToken created = tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(1));
        Instant firstUse = clock.instant();

        tokens.authenticate(created.value());
        clock.advance(Duration.ofSeconds(59));
        tokens.authenticate(created.value());
        assertThat(lastUse()).isEqualTo(firstUse);

        clock.advance(Duration.ofSeconds(2));
        tokens.authenticate(created.value());
        assertThat(lastUse()).isEqualTo(firstUse.plusSeconds(61));
    }

    @Test
    @WithMockUser(username = ALICE)
    void theListShowsTheNewestFirstWithWhatStillWorks() {
        CreatedToken old = tokens.create(ALICE, "old", CATALOG_READ, Duration.ofHours(1));
        clock.advance(Duration.ofMinutes(10));
        CreatedToken revoked = tokens.create(ALICE, "revoked", CATALOG_READ, Duration.ofDays(1));
        tokens.revoke(revoked.id());
        clock.advance(Duration.ofMinutes(10));
        CreatedToken current = tokens.create(ALICE, "current", Set.of(ApiScope.USERS_READ), Duration.ofDays(1));
        clock.advance(Duration.ofMinutes(50));

        List<ApiTokenView> list = tokens.list(ALICE);

        assertThat(list).extracting(ApiTokenView::id).containsExactly(current.id(), revoked.id(), old.id());
        assertThat(list).extracting(ApiTokenView::state)
                .containsExactly(TokenState.ACTIVE, TokenState.REVOKED, TokenState.EXPIRED);
        assertThat(list.getFirst().scopes()).containsExactly(ApiScope.USERS_READ);
        assertThat(list.getFirst().displayPrefix()).isEqualTo(current.value().substring(4, 12));
    }

    @Test
    @WithMockUser(username = ALICE)
    void purgingDeletesOnlyTokensExpiredOrRevokedMoreThanThirtyDaysAgo() {
        CreatedToken expiresSoon = tokens.create(ALICE, "expires", CATALOG_READ, Duration.ofDays(1));
        CreatedToken revoked = tokens.create(ALICE, "revoked", CATALOG_READ, Duration.ofDays(365));
        tokens.revoke(revoked.id());
        CreatedToken working = tokens.create(ALICE, "working", CATALOG_READ, Duration.ofDays(365));

        clock.advance(Duration.ofDays(30));
        assertThat(tokens.purgeExpired()).isZero();
        assertThat(tokens.list(ALICE)).hasSize(3);

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(tokens.purgeExpired()).isEqualTo(2);

        assertThat(tokens.list(ALICE)).extracting(ApiTokenView::id).containsExactly(working.id());
        assertThat(tokens.authenticate(working.value())).isPresent();
        assertThat(audit.records()).filteredOn(record -> record.action().equals("token.purged"))
                .extracting(AuditRecord::target)
                .containsExactlyInAnyOrder("token:" + expiresSoon.id(), "token:" + revoked.id());
    }

    @Test
    @WithMockUser(username = ALICE)
    void aTokenWhoseAuditEntryCannotBeWrittenIsNotCreated() {
        audit.failFromNowOn(true);

        assertThatThrownBy(() -> tokens.create(ALICE, "ci", CATALOG_READ, Duration.ofDays(1)))
                .hasMessageContaining("audit");

        assertThat(jdbc.queryForObject("select count(*) from access_api_token", Long.class)).isZero();
    }

    /** A token the owner created themselves, whoever the test is signed in as. */
    private CreatedToken createAs(String owner, String name) {
        return SignedIn.as(owner, "ENGINEER", () -> tokens.create(owner, name, CATALOG_READ, Duration.ofDays(7)));
    }

    private Instant lastUse() {
        return tokens.list(ALICE).getFirst().lastUsedAt();
    }

    private static void assertRefused(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(InvalidTokenRequestException.class).hasMessageContaining(message);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
