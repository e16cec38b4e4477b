package dev.gantry.secrets;

/** A rotation step did not succeed. The message is recorded: it says what went wrong and never holds a value. */
public class RotationStepException extends RuntimeException {

    public RotationStepException(String message) {
        super(message);
    }

    public RotationStepException(String message, Throwable cause) {
        super(message, cause);
    }
}
