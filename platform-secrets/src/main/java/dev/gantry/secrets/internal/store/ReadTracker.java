package dev.gantry.secrets.internal.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Remembers when each version was last read, so a replaced credential is revoked only once nobody reads it. A read
 * writes at most once per version, node and {@link #granularity()}: the stored time may lag by that much, and the
 * revocation check adds it to the quiet period.
 */
@Component
public class ReadTracker {

    private static final int FORGET_ABOVE = 10_000;
    private static final String RECORD = "update secret_version_read set last_read_at = ? where version_id = ?"
            + " and (last_read_at is null or last_read_at < ?)";
    private static final String FIRST_READ = "insert into secret_version_read (version_id, last_read_at) values (?, ?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration granularity;
    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();

    ReadTracker(JdbcTemplate jdbc, Clock clock,
            @Value("${gantry.secrets.read-tracking.granularity:PT1M}") Duration granularity) {
        if (granularity.isNegative()) {
            throw new IllegalArgumentException("gantry.secrets.read-tracking.granularity must not be negative");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.granularity = granularity;
    }

    public Duration granularity() {
        return granularity;
    }

    /** Called inside the reading transaction, which commits the write before the read is audited and answered. */
    public void recordRead(UUID versionId) {
        Instant now = clock.instant();
        boolean[] due = {false};
        written.compute(versionId, (id, last) -> {
            if (last == null || !now.isBefore(last.plus(granularity))) {
                due[0] = true;
                return now;
            }
            return last;
        });
        if (!due[0]) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        // A version's row is created by its first read rather than with the version, which keeps every write one
        // row and one index entry lighter; another node may be inserting it at the same moment.
        if (jdbc.update(RECORD, at, versionId, at) == 0 && !InsertUnlessTaken.insert(jdbc, FIRST_READ, versionId, at)) {
            // The other reader's row came first: this read may still be the later one.
            jdbc.update(RECORD, at, versionId, at);
        }
        if (written.size() > FORGET_ABOVE) {
            Instant stale = now.minus(granularity);
            written.values().removeIf(last -> last.isBefore(stale));
        }
    }

    /** Forgets what this node wrote, so the next read writes again (tests move the clock back and forth). */
    public void forget() {
        written.clear();
    }
}
