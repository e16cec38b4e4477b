package dev.gantry.secrets.internal.rotators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.access.testing.TestDatabases;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.testing.FixedContext;
import dev.gantry.secrets.testing.PrivatePostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database password rotator against real databases: a password-checking PostgreSQL, the shared one, H2. */
class JdbcPasswordRotatorIntegrationTests {

    static PrivatePostgres postgres;

    final JdbcPasswordRotator rotator = new JdbcPasswordRotator();

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PrivatePostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void onPostgresTheNewPasswordOpensAConnectionAndTheOldOneNoLongerDoes() throws Exception {
        String user = user();
        postgres.createUser(user, "first-Password-1");
        FixedContext context = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", postgres.url(), "username", user)).current("first-Password-1");

        SecretValue candidate = rotator.createCandidate(context);
        rotator.setOnTarget(context, candidate);

        rotator.test(context, candidate);
        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("first-Password-1".toCharArray())))
                .isInstanceOf(RotationStepException.class).hasMessageContaining("does not accept");
        assertThat(candidate.length()).isEqualTo(32);
    }

    @Test
    void onPostgresOnlyAVerifierReachesTheServerNeverThePassword() throws Exception {
        String user = user();
        postgres.createUser(user, "first-Password-1");
        FixedContext context = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", postgres.url(), "username", user)).current("first-Password-1");
        SecretValue candidate = rotator.createCandidate(context);

        rotator.setOnTarget(context, candidate);

        String stored;
        try (Connection connection = postgres.superuser()) {
            var rows = connection.createStatement().executeQuery(
                    "select rolpassword from pg_authid where rolname = '" + user + "'");
            rows.next();
            stored = rows.getString(1);
        }
        assertThat(stored).startsWith("SCRAM-SHA-256$4096:");
        byte[] salt = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1, stored.indexOf('$', 15)));
        assertThat(ScramVerifier.of(candidate.chars(), salt, 4096)).isEqualTo(stored);
    }

    @Test
    void onTheSharedPostgresTheStoredVerifierIsTheNewPasswords() throws Exception {
        String database = TestDatabases.freshPostgresDatabase();
        String user = user();
        try (Connection admin = DriverManager.getConnection(database)) {
            admin.createStatement().execute("create role " + user + " login password 'first-Password-1'");
        }
        String url = database.substring(0, database.indexOf('?'));
        FixedContext context = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", url, "username", user)).current("first-Password-1");
        try {
            SecretValue candidate = rotator.createCandidate(context);
            rotator.setOnTarget(context, candidate);
            rotator.test(context, candidate);

            try (Connection admin = DriverManager.getConnection(database)) {
                var rows = admin.createStatement().executeQuery(
                        "select rolpassword from pg_authid where rolname = '" + user + "'");
                rows.next();
                String stored = rows.getString(1);
                byte[] salt = Base64.getDecoder().decode(stored.substring(stored.indexOf(':') + 1,
                        stored.indexOf('$', 15)));
                assertThat(ScramVerifier.of(candidate.chars(), salt, 4096)).isEqualTo(stored);
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(database)) {
                admin.createStatement().execute("drop role if exists " + user);
            }
        }
    }

    @Test
    void anAdministratorCanChangeAnotherUsersPasswordWithACredentialFromTheVault() throws Exception {
        String user = user();
        postgres.createUser(user, "forgotten-Password-1");
        FixedContext context = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", postgres.url(), "username", user, "admin-username", "postgres",
                "admin-secret-path", "platform/db/prod/superuser"))
                .secret("platform/db/prod/superuser", PrivatePostgres.SUPERUSER_PASSWORD);

        SecretValue candidate = rotator.createCandidate(context);
        rotator.setOnTarget(context, candidate);

        rotator.test(context, candidate);
    }

    @Test
    void onH2TheNewPasswordOpensAConnectionAndTheOldOneNoLongerDoes() throws Exception {
        String url = h2WithUser("ROTATED", "first-Password-1");
        FixedContext context = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", url, "username", "ROTATED", "length", "24")).current("first-Password-1");

        SecretValue candidate = rotator.createCandidate(context);
        rotator.setOnTarget(context, candidate);

        rotator.test(context, candidate);
        assertThatThrownBy(() -> rotator.test(context, SecretValue.of("first-Password-1".toCharArray())))
                .isInstanceOf(RotationStepException.class);
        assertThat(candidate.length()).isEqualTo(24);
    }

    @Test
    void currentCanBePutBackWhenOnlyTheCandidateStillLogsIn() throws Exception {
        String url = h2WithUser("ROTATED", "first-Password-1");
        FixedContext setting = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", url, "username", "ROTATED")).current("first-Password-1");
        SecretValue candidate = rotator.createCandidate(setting);
        rotator.setOnTarget(setting, candidate);

        FixedContext puttingBack = new FixedContext("payments/api/prod/db", RotatorParameters.of(
                "url", url, "username", "ROTATED")).current("first-Password-1")
                .pending(new String(candidate.chars()));
        rotator.setOnTarget(puttingBack, SecretValue.of("first-Password-1".toCharArray()));

        rotator.test(puttingBack, SecretValue.of("first-Password-1".toCharArray()));
    }

    @Test
    void badSettingsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url", "jdbc:mysql://x/y", "username", "a")))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.url");
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url",
                "jdbc:postgresql://h/db?password=oops", "username", "a")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.url");
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url", "jdbc:h2:mem:x",
                "username", "bob; drop table x")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.username");
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url", "jdbc:h2:mem:x", "username", "bob",
                "symbols", "'!")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.symbols");
        assertThatThrownBy(() -> rotator.validate(RotatorParameters.of("url", "jdbc:h2:mem:x", "username", "bob",
                "admin-username", "root")))
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("parameters.admin-secret-path");
    }

    private String h2WithUser(String user, String password) throws Exception {
        Path db = Files.createDirectories(dir.resolve("target-" + user()));
        String url = "jdbc:h2:file:" + db.resolve("db");
        try (Connection admin = DriverManager.getConnection(url, "sa", "sa-Password")) {
            admin.createStatement().execute("create user " + user + " password '" + password + "'");
        }
        return url;
    }

    private static String user() {
        return "rotated_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
