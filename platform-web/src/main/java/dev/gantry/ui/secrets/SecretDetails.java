package dev.gantry.ui.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.VersionActivity;
import dev.gantry.secrets.VersionState;
import dev.gantry.ui.components.Formats;
import org.jspecify.annotations.Nullable;

/**
 * One secret: its metadata, its versions with their staging label, state, creation, root key version and last
 * read, its rotation status and history, and what the caller's policies let them do. Holds metadata only, never a
 * value.
 */
final class SecretDetails extends VerticalLayout {

    /** What the buttons ask the view to do; the view talks to the vault and refreshes. */
    interface Actions {
        void reveal(SecretMetadata secret, long version);

        void writeVersion(SecretMetadata secret);

        void configure(SecretMetadata secret);

        void delete(SecretMetadata secret, long version);

        void undelete(SecretMetadata secret, long version);

        void destroy(SecretMetadata secret, long version);

        void rollback(SecretMetadata secret, long version);

        void rotateNow(SecretMetadata secret);

        void editExpiry(SecretMetadata secret, @Nullable RotationStatus status);

        void editRotationPolicy(SecretMetadata secret);
    }

    /** Everything the panel shows; read by the view in one go so the panel itself never calls a service. */
    record Facts(SecretMetadata secret, Set<SecretCapability> capabilities, List<VersionActivity> activity,
            @Nullable RotationStatus rotation) {

        boolean may(SecretCapability capability) {
            return capabilities.contains(capability);
        }
    }

    SecretDetails(Facts facts, Actions actions) {
        SecretMetadata secret = facts.secret();
        setId("secret-details");
        setPadding(false);
        H3 title = new H3(secret.path());
        title.getStyle().set("margin", "0").set("word-break", "break-all");
        Div pills = new Div();
        pills.add(pill("team " + secret.ownerTeam()), pill("current v" + secret.currentVersion()),
                pill("keeps " + secret.maxVersions() + " versions"));
        if (Reveal.needsProof(secret.path())) {
            Span production = pill("production: reveal needs a fresh proof");
            production.addClassName("gantry-warn");
            pills.add(production);
        }
        Span description = new Span(secret.description().isBlank() ? "No description." : secret.description());
        description.addClassName("gantry-muted");
        Span times = new Span("Created " + Formats.exact(secret.createdAt()) + " · updated "
                + Formats.ago(secret.updatedAt()));
        times.addClassName("gantry-muted");
        add(title, pills, description, times);

        HorizontalLayout buttons = new HorizontalLayout();
        if (facts.may(SecretCapability.WRITE)) {
            Button write = new Button("New version", VaadinIcon.PLUS.create(), e -> actions.writeVersion(secret));
            write.setId("write-version");
            write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(write);
        }
        if (facts.may(SecretCapability.ADMIN)) {
            Button configure = new Button("Configure", VaadinIcon.COG.create(), e -> actions.configure(secret));
            configure.setId("configure-secret");
            buttons.add(configure);
        }
        add(buttons);

        Grid<SecretVersionInfo> versions = new Grid<>();
        versions.setId("secret-versions");
        Map<Long, VersionActivity> activity = facts.activity().stream()
                .collect(Collectors.toMap(VersionActivity::version, Function.identity()));
        versions.addColumn(SecretVersionInfo::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(v -> label(activity.get(v.version()), v)).setHeader("Label").setKey("label")
                .setAutoWidth(true);
        versions.addComponentColumn(SecretDetails::state).setHeader("State").setAutoWidth(true);
        versions.addColumn(v -> Formats.ago(v.createdAt())).setHeader("Created").setAutoWidth(true)
                .setTooltipGenerator(v -> Formats.exact(v.createdAt()));
        versions.addColumn(SecretVersionInfo::createdBy).setHeader("By").setAutoWidth(true);
        versions.addColumn(v -> v.keyVersion() == null ? "–" : "k" + v.keyVersion()).setHeader("Root key")
                .setAutoWidth(true);
        versions.addColumn(v -> lastRead(activity.get(v.version()))).setHeader("Last read").setKey("last-read")
                .setAutoWidth(true);
        versions.addComponentColumn(v -> versionActions(facts, v, actions)).setHeader("").setKey("actions")
                .setAutoWidth(true);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setItems(secret.versions().stream()
                .sorted(Comparator.comparingLong(SecretVersionInfo::version).reversed()).toList());
        versions.setAllRowsVisible(true);
        add(versions);
        add(rotation(facts, actions));
    }

    private static VerticalLayout rotation(Facts facts, Actions actions) {
        SecretMetadata secret = facts.secret();
        RotationStatus status = facts.rotation();
        VerticalLayout box = new VerticalLayout();
        box.setId("secret-rotation");
        box.setPadding(false);
        box.setSpacing(false);
        H4 heading = new H4("Rotation");
        heading.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs) 0");
        box.add(heading);
        Paragraph summary = new Paragraph();
        summary.setId("rotation-summary");
        if (status == null) {
            summary.setText("No rotation policy or expiry covers this secret.");
        } else {
            Span state = new Span(status.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            state.setId("rotation-state");
            state.addClassName(switch (status.state()) {
                case SCHEDULED, MANUAL -> "gantry-ok";
                case DUE, IN_PROGRESS, RETRYING -> "gantry-warn";
                case FAILING -> "gantry-bad";
                case DISABLED -> "gantry-muted";
            });
            StringBuilder text = new StringBuilder(" · rotator ").append(status.rotator());
            if (status.lastRotatedAt() != null) {
                text.append(" · last rotated ").append(Formats.ago(status.lastRotatedAt()));
            }
            if (status.nextDueAt() != null) {
                text.append(" · next due ").append(Formats.ago(status.nextDueAt()));
            }
            if (status.expiresAt() != null) {
                text.append(" · expires ").append(Formats.exact(status.expiresAt()));
            }
            if (status.rule() != null) {
                text.append(" · complies with ").append(status.rule());
            }
            summary.add(state, new Span(text.toString()));
        }
        box.add(summary);

        HorizontalLayout buttons = new HorizontalLayout();
        boolean rotatable = status != null && !status.rotator().equals(dev.gantry.secrets.RotationPolicy.MANUAL)
                && status.state() != dev.gantry.secrets.RotationState.DISABLED;
        if (facts.may(SecretCapability.ROTATE) && rotatable) {
            Button rotate = new Button("Rotate now", VaadinIcon.REFRESH.create(), e -> actions.rotateNow(secret));
            rotate.setId("rotate-now");
            rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(rotate);
        }
        if (facts.may(SecretCapability.WRITE) && !rotatable) {
            Button expiry = new Button("Set expiry", VaadinIcon.CALENDAR_CLOCK.create(),
                    e -> actions.editExpiry(secret, status));
            expiry.setId("edit-expiry");
            buttons.add(expiry);
        }
        if (facts.may(SecretCapability.ADMIN)) {
            Button policy = new Button("Rotation policy", VaadinIcon.COG.create(),
                    e -> actions.editRotationPolicy(secret));
            policy.setId("edit-rotation-policy");
            buttons.add(policy);
        }
        box.add(buttons);
        H4 history = new H4("History");
        history.getStyle().set("margin", "var(--lumo-space-m) 0 0 0");
        box.add(history, new RotationTimeline(facts.activity(), status));
        return box;
    }

    private static Span label(@Nullable VersionActivity activity, SecretVersionInfo version) {
        if (version.state() == VersionState.FAILED) {
            Span failed = new Span("FAILED");
            failed.addClassNames("gantry-pill", "gantry-bad");
            return failed;
        }
        if (activity == null || activity.label() == null) {
            return new Span();
        }
        Span label = new Span(activity.label().name());
        label.addClassNames("gantry-pill", switch (activity.label()) {
            case CURRENT -> "gantry-ok";
            case PENDING -> "gantry-warn";
            case PREVIOUS -> "gantry-muted";
        });
        return label;
    }

    private static String lastRead(@Nullable VersionActivity activity) {
        return activity == null || activity.lastReadAt() == null ? "never" : Formats.ago(activity.lastReadAt());
    }

    private static HorizontalLayout versionActions(Facts facts, SecretVersionInfo v, Actions actions) {
        SecretMetadata secret = facts.secret();
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        long n = v.version();
        boolean active = v.state() == VersionState.ACTIVE;
        if (facts.may(SecretCapability.READ) && active) {
            Button reveal = small(VaadinIcon.EYE, "Reveal version " + n, "reveal-" + n,
                    () -> actions.reveal(secret, n));
            reveal.setText("Reveal");
            row.add(reveal);
        }
        if (facts.may(SecretCapability.ROLLBACK) && active && n != secret.currentVersion()) {
            row.add(small(VaadinIcon.ARROW_BACKWARD, "Roll back to version " + n, "rollback-" + n,
                    () -> confirm("Roll back to version " + n + "?",
                            "Its value is written again as a new current version; no version is lost.",
                            "Roll back", () -> actions.rollback(secret, n))));
        }
        if (facts.may(SecretCapability.DELETE) && active) {
            row.add(small(VaadinIcon.TRASH, "Delete version " + n, "delete-" + n,
                    () -> confirm("Delete version " + n + "?",
                            "A deleted version cannot be read until it is undeleted.", "Delete",
                            () -> actions.delete(secret, n))));
        }
        if (facts.may(SecretCapability.DELETE) && v.state() == VersionState.DELETED) {
            row.add(small(VaadinIcon.ROTATE_LEFT, "Undelete version " + n, "undelete-" + n,
                    () -> confirm("Undelete version " + n + "?", "It can be read again.", "Undelete",
                            () -> actions.undelete(secret, n))));
        }
        if (facts.may(SecretCapability.ADMIN) && v.state() != VersionState.DESTROYED) {
            Button destroy = small(VaadinIcon.FIRE, "Destroy version " + n, "destroy-" + n,
                    () -> confirm("Destroy version " + n + "?",
                            "Its value is removed for good and cannot be brought back. The history keeps the "
                                    + "version.", "Destroy", () -> actions.destroy(secret, n)));
            destroy.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(destroy);
        }
        return row;
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, confirmText, e -> action.run());
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** A compact icon button; its label is the tooltip and what a screen reader says. */
    private static Button small(VaadinIcon icon, String label, String id, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setId(id);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static Span state(SecretVersionInfo version) {
        Span state = new Span(version.state().name().toLowerCase(java.util.Locale.ROOT));
        state.addClassName(switch (version.state()) {
            case ACTIVE -> "gantry-ok";
            case DELETED, PENDING -> "gantry-warn";
            case DESTROYED, FAILED -> "gantry-bad";
        });
        return state;
    }

    private static Span pill(String text) {
        Span pill = new Span(text);
        pill.addClassName("gantry-pill");
        return pill;
    }
}
