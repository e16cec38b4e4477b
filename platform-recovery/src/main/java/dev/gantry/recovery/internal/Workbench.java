package dev.gantry.recovery.internal;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.recovery.BackupSource;
import dev.gantry.recovery.LocationSpec;
import dev.gantry.recovery.ScratchSpec;
import dev.gantry.recovery.SourceSpec;
import dev.gantry.recovery.internal.source.CommandStreamSource;
import dev.gantry.recovery.internal.source.H2ScriptSource;
import dev.gantry.recovery.internal.source.PgConnection;
import dev.gantry.recovery.internal.source.PostgresDumpSource;
import dev.gantry.recovery.internal.source.PostgresTools;
import dev.gantry.recovery.internal.source.TreeSource;
import dev.gantry.recovery.internal.target.H2ScratchDatabase;
import dev.gantry.recovery.internal.target.PostgresScratchDatabase;
import dev.gantry.recovery.internal.target.ScratchDirectory;
import dev.gantry.recovery.internal.target.ScratchTarget;
import dev.gantry.recovery.BackupLocation;
import dev.gantry.recovery.DirectoryLocation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Turns stored specs into working parts: sources, locations and scratch targets. */
@Component
public class Workbench {

    private final DataSource dataSource;
    private final Environment environment;
    private final RecoveryPorts ports;
    private final RecoverySettings settings;
    private final PostgresTools tools;

    Workbench(DataSource dataSource, Environment environment, RecoveryPorts ports, RecoverySettings settings) {
        this.dataSource = dataSource;
        this.environment = environment;
        this.ports = ports;
        this.settings = settings;
        this.tools = new PostgresTools(settings.postgresBin());
    }

    public BackupSource source(SourceSpec spec) {
        return switch (spec) {
            case SourceSpec.GantryDatabase g -> gantryDatabase();
            case SourceSpec.PostgresDatabase p -> new PostgresDumpSource(
                    new PgConnection(p.host(), p.port(), p.database(), p.user()),
                    () -> ports.credentials().password(p.credential()), tools);
            case SourceSpec.DirectoryTree d -> new TreeSource(Path.of(d.path()));
            case SourceSpec.Command c -> new CommandStreamSource(c.argv(), settings.workDirectory());
        };
    }

    /** Gantry's own database: the configured datasource, scripted (H2) or dumped (PostgreSQL). */
    private BackupSource gantryDatabase() {
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql:")) {
            var connection = PgConnection.fromJdbcUrl(url, environment.getProperty("spring.datasource.username", ""));
            String password = environment.getProperty("spring.datasource.password", "");
            return new PostgresDumpSource(connection, password::toCharArray, tools);
        }
        if (url.startsWith("jdbc:h2:")) {
            return new H2ScriptSource(dataSource, settings.workDirectory());
        }
        throw new InvalidInputException("source", "Gantry's database must be H2 or PostgreSQL to be backed up");
    }

    public BackupLocation location(LocationSpec spec) throws IOException {
        return switch (spec) {
            case LocationSpec.Directory d -> new DirectoryLocation(Path.of(d.path()));
        };
    }

    /** A new target named after {@code id}: {@code drill-<id>} directories, {@code drill_<id>} databases. */
    public ScratchTarget scratch(ScratchSpec spec, UUID id) {
        String suffix = id.toString().replace("-", "").substring(0, 16);
        return switch (spec) {
            case ScratchSpec.NewH2File h -> new H2ScratchDatabase(Path.of(h.parent(), "drill-" + suffix));
            case ScratchSpec.NewDirectory d -> new ScratchDirectory(Path.of(d.parent(), "drill-" + suffix));
            case ScratchSpec.NewPostgresDatabase p -> {
                char[] password = ports.credentials().password(p.credential());
                try {
                    yield new PostgresScratchDatabase(new PgConnection(p.host(), p.port(), "postgres", p.user()),
                            "drill_" + suffix, password, tools);
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        };
    }
}
