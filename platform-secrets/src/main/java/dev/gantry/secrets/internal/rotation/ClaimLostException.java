package dev.gantry.secrets.internal.rotation;

/** The claim ran out and another node took the secret over; this node stops touching it. */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(String path) {
        super("the rotation claim on " + path + " was lost to another node");
    }
}
