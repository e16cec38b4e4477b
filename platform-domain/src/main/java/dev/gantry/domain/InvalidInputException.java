package dev.gantry.domain;

/**
 * Input refused at a module's boundary. Names the field so the UI can mark it and the API can say where.
 * The message is shown to the person who typed the value: it says what is wrong and what is accepted.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
