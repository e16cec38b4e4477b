package dev.gantry.ui.account;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.ApiScope;
import dev.gantry.access.ApiTokenView;
import dev.gantry.access.ApiTokens;
import dev.gantry.access.CreatedToken;
import dev.gantry.access.InvalidTokenRequestException;
import dev.gantry.domain.Role;
import dev.gantry.security.SignInSteps;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import dev.gantry.ui.components.OneTimeSecretDialog;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * API tokens for scripts and CI: each with a name, scopes and an expiry, shown once. Administrators may also make
 * tokens for service accounts by naming the owner.
 */
@Route("account/tokens")
@PageTitle("API tokens · Gantry")
@Menu(order = 70, title = "API tokens", icon = "KEY")
@PermitAll
class TokensView extends VerticalLayout {

    private static final Map<String, Duration> LIFETIMES = new LinkedHashMap<>();

    static {
        LIFETIMES.put("1 day", Duration.ofDays(1));
        LIFETIMES.put("7 days", Duration.ofDays(7));
        LIFETIMES.put("30 days", Duration.ofDays(30));
        LIFETIMES.put("90 days", Duration.ofDays(90));
        LIFETIMES.put("1 year", Duration.ofDays(365));
    }

    private final ApiTokens tokens;
    private final Grid<ApiTokenView> grid = new Grid<>();
    private final TextField owner = new TextField("Owner");
    private final boolean admin;

    TokensView(ApiTokens tokens) {
        this.tokens = tokens;
        addClassName("gantry-page");
        setSizeFull();
        admin = SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        owner.setValue(SignInSteps.currentPrincipal().username());
        owner.setVisible(admin);
        owner.setHelperText("Administrators may manage the tokens of service accounts");
        owner.addValueChangeListener(e -> refresh());
        Button create = new Button("New token", VaadinIcon.PLUS.create(), e -> openCreate());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-token");
        HorizontalLayout bar = new HorizontalLayout(owner, create);
        bar.setAlignItems(Alignment.BASELINE);
        add(bar);

        grid.addColumn(ApiTokenView::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(t -> "gty_" + t.displayPrefix() + "…").setHeader("Token");
        grid.addColumn(t -> t.scopes().stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(", ")))
                .setHeader("Scopes");
        grid.addColumn(t -> Formats.exact(t.expiresAt())).setHeader("Expires");
        grid.addColumn(t -> Formats.ago(t.lastUsedAt())).setHeader("Last used");
        grid.addColumn(t -> t.revoked() ? "revoked" : t.state().name().toLowerCase()).setHeader("State");
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                Notifications.done("Token " + t.name() + " revoked; it stops working at once");
                refresh();
            });
            revoke.setEnabled(!t.revoked());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        });
        grid.setEmptyStateText("No tokens. Create one for each script or CI job, with only the scopes it needs.");
        addAndExpand(grid);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(tokens.list(owner.getValue().strip()));
            owner.setInvalid(false);
        } catch (RuntimeException refused) {
            owner.setInvalid(true);
            owner.setErrorMessage("No tokens can be listed for '" + owner.getValue() + "'");
        }
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New API token for " + owner.getValue());
        TextField name = new TextField("Name");
        name.setHelperText("What uses it, e.g. ‘release pipeline’");
        name.setId("token-name");
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>("Scopes");
        scopes.setItems(EnumSet.allOf(ApiScope.class));
        scopes.setItemLabelGenerator(ApiScope::wireName);
        scopes.setId("token-scopes");
        Select<String> lifetime = new Select<>();
        lifetime.setLabel("Expires after");
        lifetime.setItems(LIFETIMES.keySet());
        lifetime.setValue("30 days");
        dialog.add(new FormLayout(name, lifetime, scopes));
        Button save = new Button("Create", e -> {
            try {
                CreatedToken created = tokens.create(owner.getValue().strip(), name.getValue(), scopes.getValue(),
                        LIFETIMES.get(lifetime.getValue()));
                dialog.close();
                refresh();
                new OneTimeSecretDialog("Token " + created.name(), "Copy it now: Gantry keeps only a hash and cannot "
                        + "show it again. Send it as ‘Authorization: Bearer …’.", created.value()).open();
            } catch (InvalidTokenRequestException invalid) {
                Notifications.refused(invalid.getMessage());
            }
        });
        save.setId("create-token");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
