package dev.gantry.secrets;

import dev.gantry.secrets.internal.seal.SealState;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Puts the vault back to uninitialised, sealed and without policies or tokens, and unseals it for tests. */
final class VaultFixtures {

    private VaultFixtures() {
    }

    static void wipe(JdbcTemplate jdbc, SealState state) {
        jdbc.update("delete from secret_expiry_reminder");
        jdbc.update("delete from secret_retired_version");
        jdbc.update("delete from secret_rotation");
        jdbc.update("delete from secret_rotation_policy");
        jdbc.update("delete from secret_stage");
        jdbc.update("delete from secret_version_read");
        jdbc.update("delete from secret_scan_finding");
        jdbc.update("delete from secret_scan_run");
        jdbc.update("delete from secret_scan_allowed");
        jdbc.update("delete from secret_export_key");
        jdbc.update("delete from secret_rewrap");
        jdbc.update("delete from secret_token");
        jdbc.update("delete from secret_policy_grant");
        jdbc.update("delete from secret_policy_revision");
        jdbc.update("delete from secret_policy");
        // Behind the services' back, so the compiled copy of the policies must be told.
        jdbc.update("update secret_policy_stamp set stamp = stamp + 1");
        jdbc.update("delete from secret_version");
        jdbc.update("delete from secret_metadata");
        jdbc.update("delete from secret_keyring");
        jdbc.update("delete from secret_seal");
        state.seal();
    }

    /** Initialises 3/2 and unseals; call with a secrets administrator signed in. */
    static List<String> initialisedAndUnsealed(VaultSeal seal) {
        List<String> shares = seal.initialise(3, 2).shares();
        seal.submitShare(shares.get(0));
        seal.submitShare(shares.get(1));
        return shares;
    }
}
