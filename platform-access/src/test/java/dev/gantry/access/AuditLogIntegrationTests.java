package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import dev.gantry.domain.audit.AuditOutcome;
import dev.gantry.domain.audit.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/** The audit viewer's reads and exports, and who may make them. */
abstract class AuditLogIntegrationTests extends AuditIntegrationTestSupport {

    private static final String HOSTILE_ACTOR = "=HYPERLINK(\"http://evil\",\"x\")";

    @Autowired
    AuditLog log;
    @Autowired
    AuditExport export;

    @BeforeEach
    void sampleTrail() {
        record("alice", "user.created", "user:Bob", Map.of("team", "ops"));
        record("bob", "user.role.granted", "user:carol", Map.of("role", "ADMIN"));
        record("carol", "secret.revealed", "secret:db_password", Map.of());
        record("alice", "team.created", "team:50%_off", Map.of());
        record(HOSTILE_ACTOR, "user.login", "user:evil", Map.of("note", "@SUM(1)\",\"x\":\"y"));
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void auditorsReadTheNewestEntriesFirstAPageAtATime() {
        var first = log.find(AuditQuery.all(), PageRequest.of(0, 2));
        var last = log.find(AuditQuery.all(), PageRequest.of(2, 2));

        assertThat(first.getContent()).extracting(AuditEntryView::seq).containsExactly(5L, 4L);
        assertThat(first.getTotalElements()).isEqualTo(5);
        assertThat(first.getTotalPages()).isEqualTo(3);
        assertThat(last.getContent()).singleElement().satisfies(entry -> {
            assertThat(entry.seq()).isEqualTo(1);
            assertThat(entry.time()).isEqualTo(START);
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.action()).isEqualTo("user.created");
            assertThat(entry.target()).isEqualTo("user:Bob");
            assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(entry.details()).isEqualTo(Map.of("team", "ops"));
        });
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void eachFilterNarrowsTheEntriesAndTheyCombine() {
        assertThat(seqs(AuditQuery.all().withActor("alice"))).containsExactly(4L, 1L);
        assertThat(seqs(AuditQuery.all().withActionPrefix("user."))).containsExactly(5L, 2L, 1L);
        assertThat(seqs(AuditQuery.all().withActionPrefix("user.role"))).containsExactly(2L);
        assertThat(seqs(AuditQuery.all().withTargetContaining("BOB"))).containsExactly(1L);
        assertThat(seqs(AuditQuery.all().between(START.plus(Duration.ofHours(1)), START.plus(Duration.ofHours(3)))))
                .containsExactly(3L, 2L);
        assertThat(seqs(AuditQuery.all().withActor("alice").withActionPrefix("user."))).containsExactly(1L);
        assertThat(seqs(AuditQuery.all().withActor("  "))).hasSize(5);
        assertThat(log.count(AuditQuery.all().withActionPrefix("user."))).isEqualTo(3);
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void wildcardsTypedIntoAFilterAreTakenLiterally() {
        assertThat(seqs(AuditQuery.all().withTargetContaining("%"))).containsExactly(4L);
        assertThat(seqs(AuditQuery.all().withTargetContaining("_"))).containsExactly(4L, 3L);
        assertThat(seqs(AuditQuery.all().withActionPrefix("%"))).isEmpty();
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void recentGivesTheNewestEntries() {
        assertThat(log.recent(2)).extracting(AuditEntryView::seq).containsExactly(5L, 4L);
        assertThat(log.recent(0)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "ADMIN")
    void administratorsMayReadTheLogToo() {
        assertThat(log.count(AuditQuery.all())).isEqualTo(5);
    }

    @Test
    @WithMockUser(roles = "VIEWER")
    void viewersMayNotReadOrExportTheLog() {
        assertThatThrownBy(() -> log.find(AuditQuery.all(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.count(AuditQuery.all())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> log.recent(10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> export.export(AuditQuery.all(), AuditExport.Format.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(lastSeq()).as("a denied export records nothing as exported").isEqualTo(5);
    }

    @Test
    @org.springframework.security.test.context.support.WithAnonymousUser
    void nobodySignedInMayReadTheLog() {
        assertThatThrownBy(() -> log.recent(10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithMockUser(username = "ada", roles = "AUDITOR")
    void aCsvExportIsFilteredDefusedAndRecorded() throws IOException {
        var out = new ByteArrayOutputStream();

        var written = export.export(AuditQuery.all().withActionPrefix("user."), AuditExport.Format.CSV, out);

        var lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(written).isEqualTo(3);
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("seq,time,actor,action,target,outcome,details,prev_hash,hash");
        assertThat(lines[1]).startsWith("1,2026-11-22T12:00:00.000000Z,alice,user.created,user:Bob,SUCCESS,");
        assertThat(lines[3]).startsWith("5,").contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",user.login,");
        var recorded = log.recent(1).getFirst();
        assertThat(recorded.seq()).isEqualTo(6);
        assertThat(recorded.action()).isEqualTo("audit.exported");
        assertThat(recorded.actor()).isEqualTo("ada");
        assertThat(recorded.details()).containsEntry("format", "CSV").containsEntry("actionPrefix", "user.")
                .containsEntry("upToSeq", "5");
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void aJsonExportHoldsTheEntriesOldestFirstWithTheirTextIntact() throws IOException {
        var out = new ByteArrayOutputStream();

        export.export(AuditQuery.all(), AuditExport.Format.JSON, out);

        var json = out.toString(StandardCharsets.UTF_8);
        assertThat((List<Integer>) JsonPath.read(json, "$[*].seq")).containsExactly(1, 2, 3, 4, 5);
        assertThat((String) JsonPath.read(json, "$[4].actor")).isEqualTo(HOSTILE_ACTOR);
        assertThat((Map<String, Object>) JsonPath.read(json, "$[4].details"))
                .isEqualTo(Map.of("note", "@SUM(1)\",\"x\":\"y"));
        assertThat((String) JsonPath.read(json, "$[1].prevHash")).isEqualTo(JsonPath.read(json, "$[0].hash"));
    }

    @Test
    @WithMockUser(roles = "AUDITOR")
    void anExportLargerThanAPageIsComplete() throws IOException {
        transactions.executeWithoutResult(status -> {
            for (var i = 0; i < 1_234; i++) {
                trail.record(AuditRecord.success("loader", "bulk.append", "item:" + i));
            }
        });
        var out = new ByteArrayOutputStream();

        var written = export.export(AuditQuery.all().withActor("loader"), AuditExport.Format.JSON, out);

        assertThat(written).isEqualTo(1_234);
        assertThat((List<?>) JsonPath.read(out.toString(StandardCharsets.UTF_8), "$")).hasSize(1_234);
    }

    @Test
    @WithMockUser(username = "ada", roles = "AUDITOR")
    void anExportThatFailsHalfwayIsRecordedAllTheSame() {
        var broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThatThrownBy(() -> export.export(AuditQuery.all(), AuditExport.Format.CSV, broken))
                .isInstanceOf(IOException.class);

        assertThat(entry(6).action()).isEqualTo("audit.exported");
    }

    private List<Long> seqs(AuditQuery query) {
        return log.find(query, PageRequest.of(0, 50)).map(AuditEntryView::seq).getContent();
    }

    private void record(String actor, String action, String target, Map<String, String> details) {
        trail.record(new AuditRecord(actor, action, target, AuditOutcome.SUCCESS, details));
        clock.advance(Duration.ofHours(1));
    }
}
