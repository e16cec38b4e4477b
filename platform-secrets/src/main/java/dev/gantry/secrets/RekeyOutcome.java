package dev.gantry.secrets;

/** What submitting an old share to a rekey led to. */
public sealed interface RekeyOutcome {

    /** Below the threshold: the share was counted. */
    record Pending(RekeyStatus status) implements RekeyOutcome {
    }

    /** The vault was rekeyed: hand these new shares out now, they are shown this once. The old shares are void. */
    record Completed(UnsealShares shares) implements RekeyOutcome {
    }
}
