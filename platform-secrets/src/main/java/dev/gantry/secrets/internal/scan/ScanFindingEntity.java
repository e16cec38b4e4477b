package dev.gantry.secrets.internal.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One leak found by a scan: where, by which rule, and a redacted preview; never the value. */
@Entity
@Table(name = "secret_scan_finding")
public class ScanFindingEntity {

    @Id
    private UUID id;

    @Column(name = "run_id")
    private UUID runId;

    private String fingerprint;

    private String rule;

    @Column(name = "commit_id")
    private String commitId;

    @Column(name = "file_path")
    private String filePath;

    private int line;

    private String preview;

    @Column(name = "managed_path")
    private @Nullable String managedPath;

    private String author;

    @Column(name = "committed_at")
    private Instant committedAt;

    protected ScanFindingEntity() {
        this.id = new UUID(0, 0);
        this.runId = new UUID(0, 0);
        this.fingerprint = "";
        this.rule = "";
        this.commitId = "";
        this.filePath = "";
        this.preview = "";
        this.author = "";
        this.committedAt = Instant.EPOCH;
    }

    public ScanFindingEntity(UUID runId, GitHistoryScanner.Found found) {
        this.id = UUID.randomUUID();
        this.runId = runId;
        this.fingerprint = found.fingerprint();
        this.rule = found.rule();
        this.commitId = found.commit();
        this.filePath = truncate(found.file(), 1000);
        this.line = found.line();
        this.preview = found.preview();
        this.managedPath = found.managedPath();
        this.author = truncate(found.author(), 200);
        this.committedAt = found.committedAt();
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    public UUID id() {
        return id;
    }

    public UUID runId() {
        return runId;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public String rule() {
        return rule;
    }

    public String commitId() {
        return commitId;
    }

    public String filePath() {
        return filePath;
    }

    public int line() {
        return line;
    }

    public String preview() {
        return preview;
    }

    public @Nullable String managedPath() {
        return managedPath;
    }

    public String author() {
        return author;
    }

    public Instant committedAt() {
        return committedAt;
    }
}
