package dev.gantry.secrets.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * An insert that another writer may have made first, in the current transaction and under a savepoint of its own:
 * on PostgreSQL a refused insert would otherwise doom the whole transaction, which may hold other work (other
 * callers' writes, in the audit committers' batches).
 */
final class InsertUnlessTaken {

    private InsertUnlessTaken() {
    }

    /** True if the row was inserted; false if its key was taken, in which case nothing of the transaction is lost. */
    static boolean insert(JdbcTemplate jdbc, String sql, Object... arguments) {
        DataSource dataSource = Objects.requireNonNull(jdbc.getDataSource());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint beforeInsert = connection.setSavepoint();
            try {
                jdbc.update(sql, arguments);
            } catch (DuplicateKeyException taken) {
                connection.rollback(beforeInsert);
                return false;
            }
            connection.releaseSavepoint(beforeInsert);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not use a savepoint around an insert", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
