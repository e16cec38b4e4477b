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

/**
 * The audit trail as the web application wires it (Boot auto-configuration, JPA transaction manager, Flyway), and
 * nothing else of the access module, on an H2 file database with Gantry's durable commits.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage
@ComponentScan(basePackages = "dev.gantry.access", excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "dev\\.gantry\\.access\\.(?!Audit|internal\\.audit\\.).*"))
class BenchApplication {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(BenchApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(
                        "spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("gantry").toAbsolutePath()
                                + ";WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE",
                        "spring.jpa.open-in-view=false",
                        "gantry.audit.checkpoint-dir=" + dataDir.resolve("audit").toAbsolutePath(),
                        "gantry.keys.dir=" + dataDir.resolve("keys").toAbsolutePath(),
                        "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
    }
}
