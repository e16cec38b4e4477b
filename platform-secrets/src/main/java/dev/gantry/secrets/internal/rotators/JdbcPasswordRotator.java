package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretPath;
import dev.gantry.secrets.SecretValue;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code jdbc-password}: a database user's password, changed with {@code ALTER USER} over JDBC (PostgreSQL and
 * H2) and tested by opening a connection with it. Parameters: {@code url} (a {@code jdbc:postgresql:} or
 * {@code jdbc:h2:} URL), {@code username}; optionally {@code admin-username} with {@code admin-secret-path} (the
 * vault path of that user's password) to change it as an administrator, otherwise the user changes its own
 * password, logging in with whichever known credential the database accepts; {@code connect-timeout}
 * (default PT10S); and the password rules of {@link PasswordRules} (no quotes or backslashes).
 *
 * <p>On PostgreSQL the statement carries a SCRAM-SHA-256 verifier computed here, never the password. Setting the
 * new password ends the old one at once, so there is nothing left to revoke. A server that trusts every
 * connection without a password accepts any password: the test proves something only where it asks for one.
 */
@Component
class JdbcPasswordRotator implements Rotator {

    private static final Pattern USER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String FORBIDDEN = "'\"\\`$";
    private static final Set<String> PARAMETERS;

    static {
        Set<String> known = new HashSet<>(PasswordRules.PARAMETERS);
        known.addAll(Set.of("url", "username", "admin-username", "admin-secret-path", "connect-timeout"));
        PARAMETERS = Set.copyOf(known);
    }

    private final SecureRandom random = new SecureRandom();

    private enum Dialect { POSTGRESQL, H2 }

    private record Settings(String url, Dialect dialect, String username, Optional<String> adminUsername,
            Optional<String> adminSecretPath, Duration connectTimeout, PasswordRules rules) {
    }

    @Override
    public String kind() {
        return "jdbc-password";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(PARAMETERS);
        settings(parameters);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        return settings(context.parameters()).rules().generate(random);
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        Settings settings = settings(context.parameters());
        // No "already accepted?" shortcut: a server that trusts connections accepts anything, and ALTER is
        // idempotent anyway.
        try (Connection connection = changer(settings, context);
             Statement statement = connection.createStatement()) {
            statement.execute(alterUser(settings, candidate));
        } catch (SQLException e) {
            throw new RotationStepException("the database refused the password change (SQL state "
                    + e.getSQLState() + ")");
        }
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        Settings settings = settings(context.parameters());
        try (Connection connection = connect(settings, settings.username(), credential);
             Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        } catch (SQLException e) {
            throw new RotationStepException("the database does not accept the password of " + settings.username()
                    + " (SQL state " + e.getSQLState() + ")");
        }
    }

    private Connection changer(Settings settings, RotationContext context) throws SQLException {
        if (settings.adminUsername().isPresent() && settings.adminSecretPath().isPresent()) {
            SecretValue admin = context.secret(settings.adminSecretPath().get());
            try {
                return connect(settings, settings.adminUsername().get(), admin);
            } finally {
                admin.wipe();
            }
        }
        List<SecretValue> known = new ArrayList<>();
        context.current().ifPresent(known::add);
        context.pending().ifPresent(known::add);
        SQLException last = new SQLException("no credential of " + settings.username() + " is known", "28000");
        try {
            for (SecretValue credential : known) {
                try {
                    return connect(settings, settings.username(), credential);
                } catch (SQLException refused) {
                    last = refused;
                }
            }
        } finally {
            known.forEach(SecretValue::wipe);
        }
        throw last;
    }

    private static Connection connect(Settings settings, String user, SecretValue password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        char[] chars = password.chars();
        try {
            properties.setProperty("password", new String(chars));
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
        if (settings.dialect() == Dialect.POSTGRESQL) {
            String seconds = Long.toString(settings.connectTimeout().toSeconds());
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("loginTimeout", seconds);
            properties.setProperty("socketTimeout", Long.toString(settings.connectTimeout().toSeconds() * 3));
            properties.setProperty("ApplicationName", "gantry-secret-rotation");
        }
        return DriverManager.getConnection(settings.url(), properties);
    }

    private String alterUser(Settings settings, SecretValue password) {
        char[] chars = password.chars();
        try {
            for (char c : chars) {
                if (FORBIDDEN.indexOf(c) >= 0 || c < 0x20) {
                    throw new RotationStepException("the password holds a character this rotator does not send");
                }
            }
            if (settings.dialect() == Dialect.POSTGRESQL) {
                String secret = ScramVerifier.applicable(chars) ? ScramVerifier.of(chars, random) : new String(chars);
                return "ALTER ROLE \"" + settings.username() + "\" WITH PASSWORD '" + secret + "'";
            }
            return "ALTER USER " + settings.username() + " SET PASSWORD '" + new String(chars) + "'";
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private static Settings settings(RotatorParameters parameters) {
        String url = parameters.required("url");
        Dialect dialect;
        if (url.startsWith("jdbc:postgresql:")) {
            dialect = Dialect.POSTGRESQL;
        } else if (url.startsWith("jdbc:h2:")) {
            dialect = Dialect.H2;
        } else {
            throw new InvalidInputException(RotatorParameters.field("url"),
                    "a jdbc:postgresql: or jdbc:h2: URL");
        }
        if (url.contains("password=") || url.contains("PASSWORD=")) {
            throw new InvalidInputException(RotatorParameters.field("url"),
                    "no password in the URL; the rotator logs in with the vault's credentials");
        }
        String username = user(parameters, "username", parameters.required("username"));
        Optional<String> adminUsername = Optional.ofNullable(parameters.optional("admin-username"))
                .map(name -> user(parameters, "admin-username", name));
        Optional<String> adminSecretPath = Optional.ofNullable(parameters.optional("admin-secret-path"));
        if (adminUsername.isPresent() != adminSecretPath.isPresent()) {
            throw new InvalidInputException(RotatorParameters.field("admin-secret-path"),
                    "give admin-username and admin-secret-path together, or neither");
        }
        adminSecretPath.ifPresent(path -> {
            try {
                SecretPath.parse(path);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(RotatorParameters.field("admin-secret-path"), bad.getMessage());
            }
        });
        return new Settings(url, dialect, username, adminUsername, adminSecretPath,
                parameters.duration("connect-timeout", Duration.ofSeconds(10), Duration.ofSeconds(1),
                        Duration.ofMinutes(1)),
                PasswordRules.from(parameters, PasswordRules.DEFAULT_SYMBOLS, FORBIDDEN));
    }

    private static String user(RotatorParameters parameters, String field, String name) {
        if (!USER.matcher(name).matches()) {
            throw new InvalidInputException(RotatorParameters.field(field),
                    "a database user name: a letter or underscore, then letters, digits or underscores");
        }
        return name;
    }
}
