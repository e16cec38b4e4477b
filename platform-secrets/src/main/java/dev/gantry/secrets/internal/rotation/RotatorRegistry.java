package dev.gantry.secrets.internal.rotation;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.Rotator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Every {@link Rotator} bean by kind; two of one kind stop the application at start. */
@Component
public class RotatorRegistry {

    private static final Pattern KIND = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Map<String, Rotator> byKind = new TreeMap<>();

    RotatorRegistry(List<Rotator> rotators) {
        for (Rotator rotator : rotators) {
            String kind = rotator.kind();
            if (!KIND.matcher(kind).matches() || kind.length() > 40 || RotationPolicy.MANUAL.equals(kind)) {
                throw new IllegalStateException("rotator kind '" + kind + "' is not a valid name");
            }
            if (byKind.put(kind, rotator) != null) {
                throw new IllegalStateException("two rotators of kind " + kind);
            }
        }
    }

    public Optional<Rotator> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    public Rotator require(String kind) {
        return find(kind).orElseThrow(() -> new InvalidInputException("rotator", "unknown rotator '" + kind
                + "'; known: " + String.join(", ", byKind.keySet()) + ", " + RotationPolicy.MANUAL));
    }

    public List<String> kinds() {
        return List.copyOf(byKind.keySet());
    }
}
