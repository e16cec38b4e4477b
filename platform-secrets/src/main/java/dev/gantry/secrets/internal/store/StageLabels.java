package dev.gantry.secrets.internal.store;

import dev.gantry.secrets.StageLabel;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staging labels of {@code secret_stage}. Moves are plain statements in a fixed order inside the caller's
 * transaction, because the table's constraints (one version per label, one label per version) would trip over
 * Hibernate's own ordering of deletes after updates.
 */
@Component
public class StageLabels {

    private final JdbcTemplate jdbc;
    private final EntityManager entities;

    StageLabels(JdbcTemplate jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    public OptionalLong version(UUID secretId, StageLabel label) {
        return jdbc.query("select version from secret_stage where secret_id = ? and label = ?",
                rows -> rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty(),
                secretId, label.name());
    }

    public Map<StageLabel, Long> all(UUID secretId) {
        Map<StageLabel, Long> labels = new EnumMap<>(StageLabel.class);
        jdbc.query("select label, version from secret_stage where secret_id = ?",
                rows -> {
                    labels.put(StageLabel.valueOf(rows.getString(1)), rows.getLong(2));
                }, secretId);
        return labels;
    }

    /**
     * Makes {@code version} CURRENT and the old CURRENT PREVIOUS, all at once for every reader (same transaction).
     *
     * @return the old CURRENT version, if there was one
     */
    public OptionalLong promote(UUID secretId, long version, Instant now) {
        entities.flush();
        OptionalLong oldCurrent = version(secretId, StageLabel.CURRENT);
        jdbc.update("delete from secret_stage where secret_id = ? and version = ? and label = 'PENDING'",
                secretId, version);
        if (oldCurrent.isPresent() && oldCurrent.getAsLong() == version) {
            return OptionalLong.empty();
        }
        jdbc.update("delete from secret_stage where secret_id = ? and label = 'PREVIOUS'", secretId);
        if (oldCurrent.isPresent()) {
            jdbc.update("update secret_stage set version = ?, moved_at = ? where secret_id = ? and label = 'CURRENT'",
                    version, Timestamp.from(now), secretId);
            jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) values (?, 'PREVIOUS', ?, ?)",
                    secretId, oldCurrent.getAsLong(), Timestamp.from(now));
        } else {
            jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) values (?, 'CURRENT', ?, ?)",
                    secretId, version, Timestamp.from(now));
        }
        return oldCurrent;
    }

    /**
     * Makes a version just written (so holding no label) CURRENT and {@code oldCurrent} PREVIOUS: two statements
     * where {@link #promote} needs a look-up and four, because a vault write already knows the old CURRENT. The
     * version's row must be flushed already.
     */
    public void promoteNew(UUID secretId, long version, @Nullable Long oldCurrent, Instant now) {
        Timestamp at = Timestamp.from(now);
        if (oldCurrent == null) {
            jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) values (?, 'CURRENT', ?, ?)",
                    secretId, version, at);
            return;
        }
        // CURRENT moves first so that the old version is free for PREVIOUS (one label per version).
        jdbc.update("update secret_stage set version = ?, moved_at = ? where secret_id = ? and label = 'CURRENT'",
                version, at, secretId);
        if (jdbc.update("update secret_stage set version = ?, moved_at = ? where secret_id = ? and label = 'PREVIOUS'",
                oldCurrent, at, secretId) == 0) {
            jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) values (?, 'PREVIOUS', ?, ?)",
                    secretId, oldCurrent, at);
        }
    }

    /** Labels a candidate PENDING; the primary key refuses a second one. */
    public void stagePending(UUID secretId, long version, Instant now) {
        entities.flush();
        jdbc.update("insert into secret_stage (secret_id, label, version, moved_at) values (?, 'PENDING', ?, ?)",
                secretId, version, Timestamp.from(now));
    }

    public boolean dropPending(UUID secretId, long version) {
        return jdbc.update("delete from secret_stage where secret_id = ? and label = 'PENDING' and version = ?",
                secretId, version) == 1;
    }
}
