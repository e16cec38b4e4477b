package dev.gantry.config;

import java.nio.file.Path;

import dev.gantry.domain.audit.AuditTrail;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.recovery.BackupKeys;
import dev.gantry.recovery.RecoveryPolicy;
import dev.gantry.recovery.SourceCredentials;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SystemSecrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the recovery module into the application: objectives from the active policy pack, the places under the
 * data directory that new plans and drills use unless an administrator chooses others, and the vault as the home of
 * backup keys ({@code gantry.recovery.keys=vault}, the default; {@code file} leaves them in owner-only files) and of
 * the database passwords plans name as {@code vault:<path>}.
 */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    @Bean
    RecoveryPolicy recoveryPolicy(PolicyPack activePolicyPack) {
        return RecoveryPolicy.of(activePolicyPack);
    }

    @Bean
    @ConditionalOnProperty(name = "gantry.recovery.keys", havingValue = "vault", matchIfMissing = true)
    BackupKeys vaultBackupKeys(SystemSecrets vault, AuditTrail audit, PlatformTransactionManager transactions,
                               @Value("${gantry.recovery.key-dir}") String keys) {
        return new VaultBackupKeys(vault, Path.of(keys), audit, transactions);
    }

    @Bean
    SourceCredentials vaultSourceCredentials(SystemSecrets vault, SecretPolicies policies, Environment environment) {
        return new VaultSourceCredentials(vault, policies, environment);
    }

    @Bean
    RecoveryDefaults recoveryDefaults(@Value("${gantry.recovery.keys:vault}") String keyStore,
                                      @Value("${gantry.recovery.locations.primary}") String primary,
                                      @Value("${gantry.recovery.locations.secondary}") String secondary,
                                      @Value("${gantry.recovery.scratch-dir}") String scratch,
                                      @Value("${gantry.recovery.key-dir}") String keys,
                                      @Value("${spring.datasource.url:}") String datasourceUrl) {
        if (!keyStore.equals("vault") && !keyStore.equals("file")) {
            throw new IllegalStateException("gantry.recovery.keys is '" + keyStore + "'; use vault (the default) "
                    + "or file");
        }
        return RecoveryDefaults.of(Path.of(primary), Path.of(secondary), Path.of(scratch), Path.of(keys),
                datasourceUrl);
    }
}
