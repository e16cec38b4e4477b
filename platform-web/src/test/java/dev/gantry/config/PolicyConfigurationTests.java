package dev.gantry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.gantry.domain.policy.PolicyPackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/** Gantry refuses to start on a policy pack it cannot read, saying where the pack is wrong. */
class PolicyConfigurationTests {

    @TempDir
    Path directory;

    @Test
    void eachShippedPackCanBeActivatedByItsClasspathName() throws Exception {
        for (String name : new String[] {"acme", "straloo", "octoacme", "covenant", "audotics"}) {
            assertThat(new PolicyConfiguration().activePolicyPack("classpath:policies/" + name + ".yaml",
                    new DefaultResourceLoader()).id()).isEqualTo(name);
        }
    }

    @Test
    void aBadPackStopsTheStartWithFileLineAndField() throws Exception {
        Path pack = directory.resolve("ours.yaml");
        Files.writeString(pack, """
                pack: ours
                name: Our pack
                organisation: Us
                version: 1.0.0
                description: ours
                rules:
                  - id: coverage
                    kind: gate.coverage
                    description: enough tests
                    params: {min: 180}
                """);

        assertThatThrownBy(() -> new PolicyConfiguration().activePolicyPack(pack.toString(), new DefaultResourceLoader()))
                .isInstanceOf(PolicyPackException.class)
                .hasMessageContaining("ours.yaml:10:")
                .hasMessageContaining("rules[0].params.min");
    }

    @Test
    void aMissingPackNamesTheSettingAndTheShippedPacks() {
        assertThatThrownBy(() -> new PolicyConfiguration().activePolicyPack(directory.resolve("none.yaml").toString(),
                new DefaultResourceLoader()))
                .hasMessageContaining("gantry.policy.pack")
                .hasMessageContaining("classpath:policies/");
    }
}
