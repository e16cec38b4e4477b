package dev.gantry.ui.secrets;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.secrets.RotationOverview;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.secrets.VaultSealedException;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/**
 * What needs attention in rotation, over the secrets the caller may list: due now, failing, and expiring within
 * {@link #HORIZON}, each with its count, a link to the secret and, where the caller may rotate it, "Rotate now".
 */
@Route("secrets/rotation")
@PageTitle("Rotation · Gantry")
@Menu(order = 32, title = "Rotation", icon = "REFRESH")
@PermitAll
class RotationDashboardView extends VerticalLayout {

    static final Duration HORIZON = Duration.ofDays(30);

    private final SecretRotation rotation;
    private final SecretPolicies policies;
    private final Div content = new Div();

    RotationDashboardView(SecretRotation rotation, SecretPolicies policies, VaultSeal seal) {
        this.rotation = rotation;
        this.policies = policies;
        addClassName("gantry-page");
        if (seal.status().sealed()) {
            add(new SealedNotice());
            return;
        }
        content.setWidthFull();
        add(content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        RotationOverview overview;
        try {
            overview = rotation.overview(HORIZON);
        } catch (VaultSealedException sealed) {
            content.add(new SealedNotice());
            return;
        }
        content.add(section("due", "Due now", overview.due(), "No secret is due.", "warn"),
                section("failing", "Failing", overview.failing(), "No rotation is failing.", "bad"),
                section("expiring", "Expiring within " + HORIZON.toDays() + " days", overview.expiring(),
                        "Nothing expires soon.", "warn"));
    }

    private Div section(String id, String title, List<RotationStatus> statuses, String empty, String tone) {
        Span count = new Span(Integer.toString(statuses.size()));
        count.setId("count-" + id);
        count.addClassNames("gantry-badge", statuses.isEmpty() ? "gantry-badge-none" : "gantry-badge-" + tone);
        H3 heading = new H3(new Span(title), count);
        Div card = new Div(heading);
        card.addClassName("gantry-card");
        card.getStyle().set("margin-bottom", "var(--lumo-space-m)");
        Grid<RotationStatus> grid = new Grid<>();
        grid.setId("rotation-" + id);
        grid.addComponentColumn(RotationDashboardView::link).setHeader("Secret").setFlexGrow(3)
                .setKey("path");
        grid.addColumn(RotationStatus::rotator).setHeader("Rotator").setAutoWidth(true);
        grid.addColumn(s -> s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .setHeader("State").setAutoWidth(true);
        switch (id) {
            case "failing" -> grid.addColumn(s -> s.consecutiveFailures() + "× · " + s.lastFailure())
                    .setHeader("Last failure").setFlexGrow(3).setTooltipGenerator(s -> String.valueOf(s.lastFailure()));
            case "expiring" -> grid.addColumn(s -> Formats.ago(s.expiresAt())).setHeader("Expires")
                    .setAutoWidth(true).setTooltipGenerator(s -> Formats.exact(s.expiresAt()));
            default -> grid.addColumn(s -> s.nextDueAt() == null ? "now" : Formats.ago(s.nextDueAt()))
                    .setHeader("Due").setAutoWidth(true);
        }
        grid.addComponentColumn(s -> rotateButton(id, s)).setKey("actions").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(statuses);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(empty);
        card.add(grid);
        return card;
    }

    private static Anchor link(RotationStatus status) {
        String url = RouteConfiguration.forSessionScope().getUrl(SecretsView.class);
        return new Anchor(url + "?" + QueryParameters.simple(Map.of("path", status.path())).getQueryString(),
                status.path());
    }

    private Span rotateButton(String list, RotationStatus status) {
        Span holder = new Span();
        if (RotationPolicy.MANUAL.equals(status.rotator())
                || !policies.capabilitiesOn(status.path()).contains(SecretCapability.ROTATE)) {
            return holder;
        }
        Button rotate = new Button("Rotate now", VaadinIcon.REFRESH.create(), e -> rotateNow(status.path()));
        rotate.setId("rotate-" + list + "-" + status.path().replace('/', '-'));
        rotate.addThemeVariants(ButtonVariant.LUMO_SMALL);
        holder.add(rotate);
        return holder;
    }

    private void rotateNow(String path) {
        try {
            switch (rotation.rotateNow(path)) {
                case RotationOutcome.Rotated rotated -> Notifications.done("Rotated " + path + " to version "
                        + rotated.version());
                case RotationOutcome.Failed failed -> Notifications.refused("Rotation of " + path + " failed at "
                        + failed.step() + ": " + failed.reason());
            }
        } catch (InvalidInputException | ConflictException | NotFoundException refused) {
            Notifications.refused(refused.getMessage());
        } catch (AccessDeniedException denied) {
            Notifications.refused("Your policies do not allow rotating " + path + ".");
        }
        refresh();
    }
}
