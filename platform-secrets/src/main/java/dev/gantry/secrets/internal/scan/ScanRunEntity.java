package dev.gantry.secrets.internal.scan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One scan of one repository: when, by whom, how much it read and what it found. */
@Entity
@Table(name = "secret_scan_run")
public class ScanRunEntity {

    public static final String RUNNING = "RUNNING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    @Id
    private UUID id;

    private String repository;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "started_by")
    private String startedBy;

    @Column(name = "finished_at")
    private @Nullable Instant finishedAt;

    private String outcome;

    @Column(name = "commits_scanned")
    private int commitsScanned;

    @Column(name = "blobs_scanned")
    private int blobsScanned;

    @Column(name = "blobs_skipped")
    private int blobsSkipped;

    private int findings;

    private int allowed;

    private @Nullable String error;

    protected ScanRunEntity() {
        this.id = new UUID(0, 0);
        this.repository = "";
        this.startedAt = Instant.EPOCH;
        this.startedBy = "";
        this.outcome = RUNNING;
    }

    public ScanRunEntity(UUID id, String repository, Instant now, String by) {
        this.id = id;
        this.repository = repository;
        this.startedAt = now;
        this.startedBy = by;
        this.outcome = RUNNING;
    }

    public void completed(Instant now, GitHistoryScanner.Totals totals, int findings, int allowed) {
        this.finishedAt = now;
        this.outcome = COMPLETED;
        this.commitsScanned = totals.commits();
        this.blobsScanned = totals.blobsScanned();
        this.blobsSkipped = totals.blobsSkipped();
        this.findings = findings;
        this.allowed = allowed;
    }

    public void failed(Instant now, String error) {
        this.finishedAt = now;
        this.outcome = FAILED;
        this.error = error.length() > 500 ? error.substring(0, 500) : error;
    }

    public UUID id() {
        return id;
    }

    public String repository() {
        return repository;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public @Nullable Instant finishedAt() {
        return finishedAt;
    }

    public String outcome() {
        return outcome;
    }

    public int commitsScanned() {
        return commitsScanned;
    }

    public int blobsScanned() {
        return blobsScanned;
    }

    public int blobsSkipped() {
        return blobsSkipped;
    }

    public int findings() {
        return findings;
    }

    public int allowed() {
        return allowed;
    }

    public @Nullable String error() {
        return error;
    }
}
