package dev.gantry.recovery;

/** An on-demand restore did not complete; what was partly restored has been removed. */
public class RestoreFailedException extends RuntimeException {

    public RestoreFailedException(String message) {
        super(message);
    }
}
