package dev.gantry.domain;

/** The request is valid but clashes with what is stored (a name taken, a stale version). Nothing was changed. */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
