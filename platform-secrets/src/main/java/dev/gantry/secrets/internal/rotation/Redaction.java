package dev.gantry.secrets.internal.rotation;

import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.SecretValue;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns a failure into a reason that is safe to store, audit and publish: the message of a rotation step, the
 * class name of anything else, with every value in play blanked out and the length bounded.
 */
public final class Redaction {

    public static final int MAX_REASON = 300;

    private final List<String> values = new ArrayList<>();

    public Redaction hiding(@Nullable SecretValue value) {
        if (value != null && value.length() >= 4) {
            values.add(new String(value.chars()));
        }
        return this;
    }

    public String reason(Throwable failure) {
        String message = failure.getMessage();
        String text = failure instanceof RotationStepException || failure instanceof IllegalArgumentException
                || failure instanceof dev.gantry.domain.InvalidInputException
                ? (message == null ? failure.getClass().getSimpleName() : message)
                : failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return clean(text);
    }

    public String clean(String text) {
        String cleaned = text;
        for (String value : values) {
            cleaned = cleaned.replace(value, "[hidden]");
        }
        cleaned = cleaned.replaceAll("[\\p{Cntrl}]+", " ").strip();
        return cleaned.length() <= MAX_REASON ? cleaned : cleaned.substring(0, MAX_REASON - 1) + "…";
    }
}
