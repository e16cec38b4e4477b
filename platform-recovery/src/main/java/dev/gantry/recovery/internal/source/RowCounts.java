package dev.gantry.recovery.internal.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the rows of every user table, by {@code schema.table}, in the connection's current snapshot. */
public final class RowCounts {

    private RowCounts() {
    }

    public static Map<String, Long> h2(Connection connection) throws SQLException {
        return count(connection, """
                select table_schema, table_name from information_schema.tables
                where table_type = 'BASE TABLE' and table_schema <> 'INFORMATION_SCHEMA'
                order by table_schema, table_name""");
    }

    public static Map<String, Long> postgres(Connection connection) throws SQLException {
        return count(connection, """
                select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                  and n.nspname not like 'pg_toast%' and n.nspname not like 'pg_temp%'
                order by n.nspname, c.relname""");
    }

    private static Map<String, Long> count(Connection connection, String tablesQuery) throws SQLException {
        List<String[]> tables = new ArrayList<>();
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(tablesQuery)) {
            while (rows.next()) {
                tables.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        var counts = new TreeMap<String, Long>();
        for (String[] table : tables) {
            String sql = "select count(*) from " + quote(table[0]) + "." + quote(table[1]);
            try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
                rows.next();
                counts.put(table[0] + "." + table[1], rows.getLong(1));
            }
        }
        return counts;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
