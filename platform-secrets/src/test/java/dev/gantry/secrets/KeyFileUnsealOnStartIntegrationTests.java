package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.access.testing.ScratchDirectories;
import dev.gantry.access.testing.TestDatabases;
import dev.gantry.secrets.testing.RecordingAuditConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The default for a single node: the vault initialises and unseals itself from its key file at start-up. */
@SpringBootTest(classes = SecretsTestApplication.class)
@Import(RecordingAuditConfiguration.class)
class KeyFileUnsealOnStartIntegrationTests {

    private static final Path DIR = ScratchDirectories.create("gantry-secrets-keyfile");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.h2File(DIR));
        registry.add("gantry.secrets.unseal.mode", () -> "key-file");
        registry.add("gantry.secrets.unseal.key-file", () -> DIR.resolve("keys/secrets-unseal.key").toString());
    }

    @Autowired
    VaultSeal seal;

    @Test
    void theVaultIsUnsealedFromItsKeyFileOnceTheApplicationHasStarted() {
        assertThat(seal.status()).isEqualTo(new SealStatus(true, false, UnsealMode.KEY_FILE, 0, 0, 0));
        assertThat(Files.exists(DIR.resolve("keys/secrets-unseal.key"))).isTrue();
    }
}
