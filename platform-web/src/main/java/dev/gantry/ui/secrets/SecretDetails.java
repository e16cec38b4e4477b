package dev.gantry.ui.secrets;

import java.util.Comparator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretVersionInfo;
import dev.gantry.secrets.VersionState;
import dev.gantry.ui.components.Formats;

/**
 * One secret: its metadata, its versions with their state, creation and root key version, and what the user may
 * do with each version. Holds metadata only, never a value.
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
    }

    SecretDetails(SecretMetadata secret, Actions actions) {
        setId("secret-details");
        setPadding(false);
        H3 title = new H3(secret.path());
        title.getStyle().set("margin", "0").set("word-break", "break-all");
        Div facts = new Div();
        facts.add(pill("team " + secret.ownerTeam()), pill("current v" + secret.currentVersion()),
                pill("keeps " + secret.maxVersions() + " versions"));
        if (Reveal.needsProof(secret.path())) {
            Span production = pill("production: reveal needs a fresh proof");
            production.addClassName("gantry-warn");
            facts.add(production);
        }
        Span description = new Span(secret.description().isBlank() ? "No description." : secret.description());
        description.addClassName("gantry-muted");
        Span times = new Span("Created " + Formats.exact(secret.createdAt()) + " · updated "
                + Formats.ago(secret.updatedAt()));
        times.addClassName("gantry-muted");
        add(title, facts, description, times);

        HorizontalLayout buttons = new HorizontalLayout();
        if (SecretRoles.mayUse()) {
            Button write = new Button("New version", VaadinIcon.PLUS.create(), e -> actions.writeVersion(secret));
            write.setId("write-version");
            write.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(write);
        }
        if (SecretRoles.mayAdminister()) {
            Button configure = new Button("Configure", VaadinIcon.COG.create(), e -> actions.configure(secret));
            configure.setId("configure-secret");
            buttons.add(configure);
        }
        add(buttons);

        Grid<SecretVersionInfo> versions = new Grid<>();
        versions.setId("secret-versions");
        versions.addColumn(SecretVersionInfo::version).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        versions.addComponentColumn(SecretDetails::state).setHeader("State").setAutoWidth(true);
        versions.addColumn(v -> Formats.ago(v.createdAt())).setHeader("Created").setAutoWidth(true)
                .setTooltipGenerator(v -> Formats.exact(v.createdAt()));
        versions.addColumn(SecretVersionInfo::createdBy).setHeader("By").setAutoWidth(true);
        versions.addColumn(v -> v.keyVersion() == null ? "–" : "k" + v.keyVersion()).setHeader("Root key")
                .setAutoWidth(true);
        versions.addComponentColumn(v -> versionActions(secret, v, actions)).setHeader("").setKey("actions")
                .setAutoWidth(true);
        versions.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        versions.setItems(secret.versions().stream()
                .sorted(Comparator.comparingLong(SecretVersionInfo::version).reversed()).toList());
        versions.setAllRowsVisible(true);
        add(versions);
    }

    private static HorizontalLayout versionActions(SecretMetadata secret, SecretVersionInfo v, Actions actions) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        long n = v.version();
        boolean active = v.state() == VersionState.ACTIVE;
        if (SecretRoles.mayUse() && active) {
            Button reveal = small(VaadinIcon.EYE, "Reveal version " + n, "reveal-" + n,
                    () -> actions.reveal(secret, n));
            reveal.setText("Reveal");
            row.add(reveal);
            if (n != secret.currentVersion()) {
                row.add(small(VaadinIcon.ARROW_BACKWARD, "Roll back to version " + n, "rollback-" + n,
                        () -> confirm("Roll back to version " + n + "?",
                                "Its value is written again as a new current version; no version is lost.",
                                "Roll back", () -> actions.rollback(secret, n))));
            }
            row.add(small(VaadinIcon.TRASH, "Delete version " + n, "delete-" + n,
                    () -> confirm("Delete version " + n + "?",
                            "A deleted version cannot be read until it is undeleted.", "Delete",
                            () -> actions.delete(secret, n))));
        }
        if (SecretRoles.mayUse() && v.state() == VersionState.DELETED) {
            row.add(small(VaadinIcon.ROTATE_LEFT, "Undelete version " + n, "undelete-" + n,
                    () -> confirm("Undelete version " + n + "?", "It can be read again.", "Undelete",
                            () -> actions.undelete(secret, n))));
        }
        if (SecretRoles.mayAdminister() && v.state() != VersionState.DESTROYED) {
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
