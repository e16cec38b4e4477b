package dev.gantry.bench;

import dev.gantry.secrets.RotationDefaults;
import dev.gantry.secrets.internal.rotators.ObservedPasswordRotator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Predicate;
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
 * The secrets module as the web application wires it (its services with method security, the audit trail of the
 * access module, JPA, Flyway, a key-file vault unsealed at start) on a fresh H2 file database, with a clock the
 * benchmark moves forward and the {@code password} rotator observed (see {@link ObservedPasswordRotator}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@AutoConfigurationPackage(basePackages = {"dev.gantry.access", "dev.gantry.secrets"})
@ComponentScan(basePackages = {"dev.gantry.access", "dev.gantry.secrets"}, excludeFilters = {
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.gantry\\.access\\.(?!Audit|internal\\.audit\\.).*"),
        @ComponentScan.Filter(type = FilterType.REGEX,
                pattern = "dev\\.gantry\\.secrets\\.internal\\.rotators\\.PasswordRotator")})
class SecretsBenchApplication {

    static final Predicate<String> REFUSED = path -> path.endsWith("-refused");

    @Bean
    AdjustableClock clock() {
        return new AdjustableClock(Instant.parse("2026-11-22T15:00:00Z"));
    }

    @Bean
    ObservedPasswordRotator observedPasswordRotator() {
        return new ObservedPasswordRotator(REFUSED);
    }

    @Bean
    RotationDefaults rotationDefaults() {
        return RotationDefaults.none();
    }

    static ConfigurableApplicationContext start(Path dataDir, String jdbcUrl) {
        return new SpringApplicationBuilder(SecretsBenchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.datasource.url=" + jdbcUrl,
                        "spring.datasource.username=" + (jdbcUrl.startsWith("jdbc:postgresql") ? "postgres" : "sa"),
                        "spring.jpa.open-in-view=false",
                        "spring.flyway.locations=classpath:db/migration/access,classpath:db/migration/secrets",
                        "gantry.audit.checkpoint-dir=" + dataDir.resolve("audit").toAbsolutePath(),
                        "gantry.keys.dir=" + dataDir.resolve("keys").toAbsolutePath(),
                        "gantry.secrets.unseal.key-file=" + dataDir.resolve("keys/secrets-unseal.key").toAbsolutePath(),
                        "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
    }

    /** Real time, shifted by whatever the benchmark skipped ahead. */
    static final class AdjustableClock extends Clock {

        private final long offsetAtStart;
        private volatile long skippedMillis;

        AdjustableClock(Instant start) {
            offsetAtStart = start.toEpochMilli() - System.currentTimeMillis();
        }

        void skip(java.time.Duration duration) {
            skippedMillis += duration.toMillis();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(System.currentTimeMillis() + offsetAtStart + skippedMillis);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
