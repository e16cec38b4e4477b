package dev.gantry.config;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyPackLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Loads the active policy pack once at start-up. A pack that does not validate stops Gantry with every problem
 * listed as file:line:column: field: message — enforcing half a policy would be worse than not starting.
 */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    PolicyPack activePolicyPack(@Value("${gantry.policy.pack}") String location, ResourceLoader resources)
            throws IOException {
        String path = location.contains(":") ? location : "file:" + location;
        Resource resource = resources.getResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("The policy pack " + location + " (gantry.policy.pack) does not exist; "
                    + "give a file path or one of classpath:policies/{acme,straloo,octoacme,covenant,audotics}.yaml");
        }
        String name = resource.getFilename() == null ? location : resource.getFilename();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            PolicyPack pack = new PolicyPackLoader().load(name, reader);
            log.info("Enforcing policy pack {} {} ({} rules) from {}", pack.id(), pack.version(), pack.rules().size(),
                    location);
            return pack;
        }
    }
}
