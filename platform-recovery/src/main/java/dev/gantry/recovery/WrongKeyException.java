package dev.gantry.recovery;

import java.io.IOException;

/** The archive is intact but was encrypted with another key than the one given. Never names key material. */
public class WrongKeyException extends IOException {

    public WrongKeyException(String message) {
        super(message);
    }
}
