package dev.gantry.access.internal.audit;

import java.util.Map;

/** Stored details text to a map, for display and export. */
public final class Details {

    /** The key under which unreadable stored text is shown as is: verification reports the tampering. */
    public static final String UNREADABLE = "unreadable";

    private Details() {
    }

    public static Map<String, String> read(String stored) {
        try {
            return FlatJson.parse(stored);
        } catch (IllegalArgumentException e) {
            return Map.of(UNREADABLE, stored);
        }
    }
}
