package dev.gantry.secrets;

/** The vault is sealed: no root key is in memory, so no secret can be read or written until it is unsealed. */
public class VaultSealedException extends RuntimeException {

    public VaultSealedException() {
        super("the vault is sealed; unseal it before using secrets");
    }
}
