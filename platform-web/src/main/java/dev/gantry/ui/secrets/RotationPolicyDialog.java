package dev.gantry.ui.secrets;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationScope;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.ui.components.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The rotation policy of one secret (ADR 7), for whoever has admin on it: rotator, its parameters (one
 * {@code name=value} a line, never a secret value: rotators read those from the vault), interval, grace and quiet
 * periods. Errors from the service land on the field they name.
 */
final class RotationPolicyDialog extends Dialog {

    static final List<String> ROTATORS = List.of("password", "api-key", "key-pair", "certificate", "jdbc-password",
            "command", "webhook", RotationPolicy.MANUAL);

    private final ComboBox<String> rotator = new ComboBox<>("Rotator", ROTATORS);
    private final TextField interval = new TextField("Interval");
    private final TextArea parameters = new TextArea("Parameters (name=value, one a line)");
    private final TextField grace = new TextField("Grace before revoking the previous value");
    private final TextField quiet = new TextField("Quiet period without reads before revoking");
    private final Checkbox enabled = new Checkbox("Scheduled rotation enabled", true);

    RotationPolicyDialog(SecretRotation rotation, String path, @Nullable RotationPolicy existing,
            Consumer<String> saved) {
        setHeaderTitle("Rotation policy of " + path);
        setWidth("36em");
        rotator.setId("policy-rotator");
        interval.setId("policy-interval");
        interval.setPlaceholder("P30D (empty: the policy pack's maximum age)");
        parameters.setId("policy-parameters");
        grace.setId("policy-grace");
        quiet.setId("policy-quiet");
        enabled.setId("policy-enabled");
        if (existing != null && existing.scope() == RotationScope.SECRET) {
            rotator.setValue(existing.rotator());
            interval.setValue(existing.interval() == null ? "" : existing.interval().text());
            StringBuilder lines = new StringBuilder();
            existing.parameters().values().forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
            parameters.setValue(lines.toString().strip());
            grace.setValue(existing.gracePeriod().toString());
            quiet.setValue(existing.quietPeriod().toString());
            enabled.setValue(existing.enabled());
        } else {
            rotator.setValue("password");
            grace.setValue("PT0S");
            quiet.setValue("PT0S");
        }
        FormLayout form = new FormLayout(rotator, interval, parameters, grace, quiet, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        Button save = new Button("Save policy", e -> save(rotation, path, saved));
        save.setId("save-rotation-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
        if (existing != null && existing.scope() == RotationScope.SECRET) {
            Button remove = new Button("Remove policy", e -> {
                try {
                    rotation.removePolicy(RotationScope.SECRET, path);
                    close();
                    saved.accept(path);
                } catch (AccessDeniedException denied) {
                    close();
                    Notifications.refused("Your policies do not allow configuring this secret.");
                }
            });
            remove.setId("remove-rotation-policy");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            getFooter().addComponentAsFirst(remove);
        }
    }

    private void save(SecretRotation rotation, String path, Consumer<String> saved) {
        List.<HasValidation>of(rotator, interval, parameters, grace, quiet).forEach(f -> f.setInvalid(false));
        try {
            RotationPolicy policy = new RotationPolicy(RotationScope.SECRET, path,
                    rotator.getValue() == null ? "" : rotator.getValue(), parsedParameters(),
                    interval.getValue().isBlank() ? null : new RotationInterval(interval.getValue()), null,
                    duration(grace, "gracePeriod"), duration(quiet, "quietPeriod"), enabled.getValue());
            rotation.setPolicy(policy);
            close();
            saved.accept(path);
        } catch (InvalidInputException invalid) {
            HasValidation field = fieldFor(invalid.field());
            field.setInvalid(true);
            field.setErrorMessage(invalid.getMessage());
        } catch (AccessDeniedException denied) {
            close();
            Notifications.refused("Your policies do not allow configuring this secret.");
        }
    }

    private RotatorParameters parsedParameters() {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = parameters.getValue().split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InvalidInputException("parameters", "line " + (i + 1) + ": write name=value");
            }
            values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return new RotatorParameters(values);
    }

    private static Duration duration(TextField field, String name) {
        try {
            return field.getValue().isBlank() ? Duration.ZERO : Duration.parse(field.getValue().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "a duration such as PT0S, PT1H or P7D");
        }
    }

    private HasValidation fieldFor(String field) {
        if (field.startsWith("parameters")) {
            return parameters;
        }
        return switch (field) {
            case "interval" -> interval;
            case "gracePeriod" -> grace;
            case "quietPeriod" -> quiet;
            default -> rotator;
        };
    }
}
