package dev.gantry.recovery;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What a restore of one backup must show, recorded by the source while it wrote the backup. */
public sealed interface RestoreExpectation {

    /** A database: the number of rows of every table, by {@code schema.table}, read in the snapshot dumped. */
    record TableRows(Map<String, Long> rowsByTable) implements RestoreExpectation {

        public TableRows {
            rowsByTable = Collections.unmodifiableSortedMap(new TreeMap<>(rowsByTable));
        }

        public long totalRows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** A directory tree: every entry with its size and SHA-256. */
    record TreeFiles(TreeInventory inventory) implements RestoreExpectation {
    }

    /** A command's output: its length and SHA-256. */
    record StreamBytes(long bytes, String sha256) implements RestoreExpectation {
    }
}
