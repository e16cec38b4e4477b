package dev.gantry.secrets;

/**
 * A freshly created vault token. {@code value} is the only copy of the plaintext Gantry ever holds: show it once,
 * it cannot be retrieved later.
 */
public record CreatedVaultToken(VaultTokenView token, String value) {

    @Override
    public String toString() {
        return "CreatedVaultToken[token=" + token + ", value=<hidden>]";
    }
}
