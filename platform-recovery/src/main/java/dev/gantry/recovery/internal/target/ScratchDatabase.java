package dev.gantry.recovery.internal.target;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** A scratch database: validations count its rows and run SQL assertions in it. */
public sealed interface ScratchDatabase extends ScratchTarget permits H2ScratchDatabase, PostgresScratchDatabase {

    Connection connect() throws SQLException;

    Map<String, Long> rowCounts() throws SQLException;

    static IOException failure(String what, SQLException e) {
        return new IOException(what + ": " + e.getMessage(), e);
    }
}
