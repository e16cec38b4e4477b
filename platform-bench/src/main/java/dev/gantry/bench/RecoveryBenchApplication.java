package dev.gantry.bench;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * The recovery module as the web application wires it (its services with method security, the audit trail of the
 * access module, JPA, Flyway, key files under a data directory) on a fresh H2 file database, so that drills run the
 * code path the application runs.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@AutoConfigurationPackage(basePackages = {"dev.gantry.access", "dev.gantry.recovery"})
@ComponentScan(basePackages = {"dev.gantry.access", "dev.gantry.recovery"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.gantry\\.access\\.(?!Audit|internal\\.audit\\.).*")})
class RecoveryBenchApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The credential {@code bench} has an empty password: the local PostgreSQL trusts its users. */
    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(RecoveryBenchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("gantry").toAbsolutePath()
                                + ";WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE",
                        "spring.datasource.username=sa",
                        "spring.jpa.open-in-view=false",
                        "spring.flyway.locations=classpath:db/migration/access,classpath:db/migration/recovery",
                        "gantry.audit.checkpoint-dir=" + dataDir.resolve("audit").toAbsolutePath(),
                        "gantry.recovery.key-dir=" + dataDir.resolve("keys").toAbsolutePath(),
                        "gantry.recovery.work-dir=" + dataDir.resolve("work").toAbsolutePath(),
                        "gantry.recovery.credentials.bench.password=",
                        "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
    }
}
