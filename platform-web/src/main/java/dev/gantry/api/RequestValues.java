package dev.gantry.api;

import java.util.Arrays;

import dev.gantry.domain.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** Turns the strings of a request body into typed values, naming the field and the accepted values on refusal. */
public final class RequestValues {

    private RequestValues() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String field, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
