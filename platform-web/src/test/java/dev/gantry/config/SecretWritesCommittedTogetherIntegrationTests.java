package dev.gantry.config;

import static dev.gantry.testing.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.AuditVerification;
import dev.gantry.access.AuditVerifier;
import dev.gantry.access.testing.Concurrently;
import dev.gantry.domain.ConflictException;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.VaultSeal;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;

/**
 * Secret writes made outside a transaction, as the REST API and the portal make them, go through the audit trail's
 * group commit: many writers' versions and entries in one transaction, each write under a savepoint of its own. In
 * the whole application, with the real audit trail, on H2 and (with the {@code postgres} profile) PostgreSQL.
 */
@SpringBootTest
abstract class SecretWritesCommittedTogetherIntegrationTests {

    private static final String WRITER = "TEAM:billing:ENGINEER";

    @Autowired SecretVault vault;
    @Autowired VaultSeal seal;
    @Autowired VaultUnsealing unsealing;
    @Autowired AuditVerifier verifier;
    @Autowired JdbcTemplate jdbc;

    @BeforeEach
    void vaultUnsealed() {
        if (seal.status().sealed()) {
            as("keeper", () -> unsealing.unsealFromKeyFile(), "ROLE_SECRETS_ADMIN");
        }
    }

    @Test
    void concurrentCheckAndSetWritersEachGetTheirOwnVersionAndALosingWriteChangesNothing() throws Exception {
        String path = "billing/counter/prod/" + suffix();
        as("erin", () -> vault.write(path, value("0"), 0L), WRITER);
        int writers = 8;
        int each = 15;
        var conflicts = new AtomicInteger();

        var results = Concurrently.start(writers, writer -> () -> as("writer-" + writer, () -> {
            for (int done = 0; done < each; ) {
                long seen = vault.metadata(path).currentVersion();
                try {
                    SecretVersionInfo written = vault.write(path, value("w" + writer + "-" + done), seen);
                    assertThat(written.version()).isEqualTo(seen + 1);
                    done++;
                } catch (ConflictException lost) {
                    assertThat(lost.field()).isEqualTo("cas");
                    conflicts.incrementAndGet();
                }
            }
            return null;
        }, WRITER));
        for (var result : results) {
            result.get(5, TimeUnit.MINUTES);
        }

        long last = 1 + (long) writers * each;
        var metadata = as("erin", () -> vault.metadata(path), WRITER);
        assertThat(metadata.currentVersion()).isEqualTo(last);
        assertThat(metadata.versions()).extracting(SecretVersionInfo::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        assertThat(jdbc.queryForList("select s.label || '=' || s.version from secret_stage s"
                        + " join secret_metadata m on m.id = s.secret_id where m.path = ? order by s.label",
                String.class, path))
                .containsExactly("CURRENT=" + last, "PREVIOUS=" + (last - 1));
        assertThat(jdbc.queryForObject("select count(*) from access_audit_entry where action = 'secret.written'"
                + " and target = ?", Long.class, "secret:" + path)).isEqualTo(last);
        assertThat(as("auditor", () -> verifier.verify(), "ROLE_AUDITOR"))
                .isInstanceOf(AuditVerification.Intact.class);
        // Eight writers that each read the current version and then write with it do race: some writes must
        // have lost, inside a shared transaction, without taking the winners' versions with them.
        assertThat(conflicts.get()).isPositive();
    }

    @Test
    void aDeniedWriteAmongOthersIsAuditedAndLeavesNothingWhileTheOthersAreStored() throws Exception {
        String prefix = "billing/mixed/prod/" + suffix() + "-";
        var results = Concurrently.start(8, writer -> () -> writer == 4
                ? as("mallory", () -> vault.write(prefix + writer, value("mine now"), null), "TEAM:other:ENGINEER")
                : as("writer-" + writer, () -> vault.write(prefix + writer, value("v" + writer), null), WRITER));

        for (int writer = 0; writer < results.size(); writer++) {
            var result = results.get(writer);
            if (writer == 4) {
                assertThatThrownBy(() -> result.get(1, TimeUnit.MINUTES)).cause()
                        .isInstanceOf(AccessDeniedException.class);
            } else {
                assertThat(result.get(1, TimeUnit.MINUTES).version()).isEqualTo(1);
            }
        }
        assertThat(jdbc.queryForList("select path from secret_metadata where path like ? order by path",
                String.class, prefix + "%")).hasSize(7).doesNotContain(prefix + "4");
        assertThat(jdbc.queryForList("select outcome from access_audit_entry where target = ?", String.class,
                "secret:" + prefix + "4")).containsExactly("DENIED");
        assertThat(as("writer-0", () -> new String(vault.read(prefix + "0").value().chars()), WRITER))
                .isEqualTo("v0");
    }

    @Test
    void aWriteWhoseEntryCannotBeStoredIsNotStoredEither() {
        String path = "billing/unaudited/prod/" + suffix();
        String head = jdbc.queryForObject("select last_hash from access_audit_head where id = 1", String.class);
        long seq = jdbc.queryForObject("select last_seq from access_audit_head where id = 1", Long.class);
        jdbc.update("delete from access_audit_head");
        try {
            assertThatThrownBy(() -> as("erin", () -> vault.write(path, value("never stored"), null), WRITER))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("could not be committed");
        } finally {
            jdbc.update("insert into access_audit_head (id, last_seq, last_hash) values (1, ?, ?)", seq, head);
        }
        assertThat(jdbc.queryForObject("select count(*) from secret_metadata where path = ?", Long.class, path))
                .isZero();
    }

    private static SecretValue value(String text) {
        return SecretValue.of(text.toCharArray());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
