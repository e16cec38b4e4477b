package dev.gantry.ui.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.ui.components.Notifications;
import org.springframework.security.access.AccessDeniedException;

/**
 * Shows a refusal where it belongs: on the field the service named ({@code cron}, {@code source.host}, ...), or,
 * when no field on the form matches, in a notification that says what to do next.
 */
final class FieldErrors {

    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    FieldErrors bind(String field, HasValidation component) {
        fields.put(field, component);
        return this;
    }

    void clear() {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    void show(RuntimeException refusal) {
        String field = switch (refusal) {
            case InvalidInputException invalid -> invalid.field();
            case ConflictException conflict -> conflict.field();
            default -> null;
        };
        HasValidation target = field == null ? null : find(field);
        if (target != null) {
            target.setErrorMessage(refusal.getMessage());
            target.setInvalid(true);
            return;
        }
        Notifications.refused(switch (refusal) {
            case AccessDeniedException denied -> Access.DENIED;
            case NotFoundException missing -> "It is gone: " + missing.getMessage() + ". Reload the page.";
            default -> refusal.getMessage();
        });
    }

    private HasValidation find(String field) {
        HasValidation exact = fields.get(field);
        if (exact != null) {
            return exact;
        }
        int dot = field.indexOf('.');
        return dot < 0 ? null : fields.get(field.substring(0, dot));
    }
}
