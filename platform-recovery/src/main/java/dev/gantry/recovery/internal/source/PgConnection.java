package dev.gantry.recovery.internal.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Where a PostgreSQL database is and who connects; the password travels separately and is never stored here. */
public record PgConnection(String host, int port, String database, String user) {

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public PgConnection withDatabase(String other) {
        return new PgConnection(host, port, other, user);
    }

    public Connection open(char[] password, String applicationName) throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        if (password.length > 0) {
            properties.setProperty("password", new String(password));
        }
        properties.setProperty("ApplicationName", applicationName);
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(), properties);
    }

    /** libpq options for pg_dump / pg_restore; every value is validated, none can start a new option. */
    public List<String> toolArguments() {
        var args = new ArrayList<String>();
        args.add("--no-password");
        args.add("--host=" + host);
        args.add("--port=" + port);
        args.add("--username=" + user);
        args.add("--dbname=" + database);
        return args;
    }

    /**
     * Reads {@code jdbc:postgresql://host:port/db?user=x}; the user from the URL wins over {@code fallbackUser}
     * only when the latter is blank.
     */
    public static PgConnection fromJdbcUrl(String url, String fallbackUser) {
        String rest = url.substring("jdbc:postgresql://".length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "postgres" : rest.substring(slash + 1);
        String host = hostPort;
        int port = 5432;
        int colon = hostPort.lastIndexOf(':');
        if (colon > 0) {
            host = hostPort.substring(0, colon);
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        String user = fallbackUser;
        for (String pair : query.split("&")) {
            if (pair.startsWith("user=") && user.isBlank()) {
                user = pair.substring(5);
            }
        }
        return new PgConnection(host.isEmpty() ? "localhost" : host, port, database, user);
    }
}
