package dev.gantry.ui.secrets;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.CreatedVaultToken;
import dev.gantry.secrets.NewVaultToken;
import dev.gantry.secrets.PolicyView;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.VaultTokenKind;
import dev.gantry.secrets.VaultTokenState;
import dev.gantry.secrets.VaultTokenView;
import dev.gantry.secrets.VaultTokens;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import dev.gantry.ui.components.OneTimeSecretDialog;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/**
 * Vault tokens (ADR 6): the caller's own (administrators see everyone's), a machine token with policies and a
 * lifetime, a temporary token for oneself, renewal and revocation (which takes every child token with it). A new
 * token's value is shown once in a dialog and kept nowhere else.
 */
@Route("secrets/tokens")
@PageTitle("Vault tokens · Gantry")
@Menu(order = 33, title = "Vault tokens", icon = "PASSWORD")
@PermitAll
class VaultTokensView extends VerticalLayout {

    private final VaultTokens tokens;
    private final SecretPolicies policies;
    private final String me;
    private final Grid<VaultTokenView> grid = new Grid<>();

    VaultTokensView(VaultTokens tokens, SecretPolicies policies, AuthenticationContext authentication) {
        this.tokens = tokens;
        this.policies = policies;
        this.me = authentication.getPrincipalName().orElse("");
        addClassName("gantry-page");
        setSizeFull();
        Button machine = new Button("New machine token", VaadinIcon.PLUS.create(), e -> form(false));
        machine.setId("new-vault-token");
        machine.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button temporary = new Button("Temporary token for me", VaadinIcon.CLOCK.create(), e -> form(true));
        temporary.setId("new-temporary-token");
        Paragraph explanation = new Paragraph(SecretRoles.seesAllTokens()
                ? "Every vault token, as an administrator sees them."
                : "Your vault tokens. A token reads secrets over /api/v1/secrets with the policies it carries.");
        explanation.addClassName("gantry-muted");
        add(new HorizontalLayout(machine, temporary), explanation);

        grid.setId("vault-tokens");
        grid.addColumn(VaultTokenView::name).setHeader("Name").setFlexGrow(2);
        if (SecretRoles.seesAllTokens()) {
            grid.addColumn(VaultTokenView::owner).setHeader("Owner").setAutoWidth(true);
        }
        grid.addColumn(t -> t.kind().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(t -> String.join(", ", new TreeSet<>(t.policies()))).setHeader("Policies").setFlexGrow(2);
        grid.addComponentColumn(VaultTokensView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(t -> Formats.ago(t.expiresAt())).setHeader("Expires").setAutoWidth(true)
                .setTooltipGenerator(t -> Formats.exact(t.expiresAt()) + (t.renewable()
                        ? ", renewable up to " + Formats.exact(t.maxExpiresAt()) : ""));
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No vault token yet.");
        addAndExpand(grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(SecretRoles.seesAllTokens() ? tokens.listAll() : tokens.list(me));
    }

    private HorizontalLayout actions(VaultTokenView token) {
        HorizontalLayout row = new HorizontalLayout();
        row.setSpacing(false);
        if (token.state() != VaultTokenState.ACTIVE) {
            return row;
        }
        if (token.renewable()) {
            Button renew = new Button("Renew", e -> act("Renewed " + token.name(), () -> tokens.renew(token.id(), null)));
            renew.setId("renew-" + token.id());
            renew.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(renew);
        }
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.setId("revoke-" + token.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        row.add(revoke);
        return row;
    }

    private void confirmRevoke(VaultTokenView token) {
        long children = tokensBelow(token.id());
        ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.name() + "?",
                "It stops working at once, and so does every token created from it"
                        + (children > 0 ? " (" + children + " shown here)" : "") + ". This cannot be undone.",
                "Revoke", e -> act("Revoked " + token.name(), () -> tokens.revoke(token.id())));
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private long tokensBelow(UUID parent) {
        Set<UUID> below = new java.util.HashSet<>(Set.of(parent));
        var all = (SecretRoles.seesAllTokens() ? tokens.listAll() : tokens.list(me));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (VaultTokenView t : all) {
                if (t.parentId() != null && below.contains(t.parentId()) && below.add(t.id())) {
                    grew = true;
                }
            }
        }
        return below.size() - 1L;
    }

    private void act(String done, Runnable action) {
        try {
            action.run();
            Notifications.done(done);
        } catch (InvalidInputException | ConflictException | NotFoundException refused) {
            Notifications.refused(refused.getMessage());
        } catch (AccessDeniedException denied) {
            Notifications.refused("You may not change this token.");
        }
        refresh();
    }

    private void form(boolean temporary) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(temporary ? "Temporary token for me" : "New machine token");
        dialog.setWidth("34em");
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setMaxLength(VaultTokens.MAX_NAME);
        MultiSelectComboBox<String> chosen = new MultiSelectComboBox<>("Policies", offered());
        chosen.setId("token-policies");
        TextField ttl = new TextField("Lifetime");
        ttl.setId("token-ttl");
        ttl.setValue(temporary ? "PT1H" : "PT24H");
        ttl.setHelperText("ISO-8601 duration: PT30M, PT8H, P7D" + (temporary ? "; at most 8 hours" : ""));
        Checkbox renewable = new Checkbox("Renewable", false);
        renewable.setId("token-renewable");
        TextField maxTtl = new TextField("Maximum lifetime when renewed");
        maxTtl.setId("token-max-ttl");
        maxTtl.setPlaceholder("empty: the configured maximum");
        FormLayout form = new FormLayout(name, chosen, ttl);
        if (!temporary) {
            form.add(renewable, maxTtl);
        }
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button create = new Button("Create", e -> {
            java.util.List.<HasValidation>of(name, chosen, ttl, maxTtl).forEach(f -> f.setInvalid(false));
            try {
                Duration lifetime = duration(ttl.getValue(), "ttl");
                CreatedVaultToken created = temporary
                        ? tokens.createTemporary(name.getValue(), chosen.getValue(), lifetime)
                        : tokens.create(new NewVaultToken(name.getValue(), chosen.getValue(), lifetime,
                                maxTtl.getValue().isBlank() ? null : duration(maxTtl.getValue(), "maxTtl"),
                                renewable.getValue(), null));
                dialog.close();
                refresh();
                new OneTimeSecretDialog("Vault token " + created.token().name(),
                        "Shown only now: Gantry keeps only its digest. Send it as 'Authorization: Bearer ...' "
                                + "to /api/v1/secrets.", created.value()).open();
            } catch (InvalidInputException invalid) {
                HasValidation field = switch (invalid.field()) {
                    case "name" -> name;
                    case "ttl" -> ttl;
                    case "maxTtl" -> maxTtl;
                    default -> chosen;
                };
                field.setInvalid(true);
                field.setErrorMessage(invalid.getMessage());
            } catch (AccessDeniedException denied) {
                chosen.setInvalid(true);
                chosen.setErrorMessage("You may only give policies you hold yourself.");
            }
        });
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), create);
        dialog.open();
    }

    /** The policies the caller may put on a token: those they hold; administrators any stored one as well. */
    private Set<String> offered() {
        Set<String> names = new TreeSet<>(policies.currentPolicies());
        if (SecretRoles.seesAllTokens()) {
            try {
                policies.list().stream().map(PolicyView::name).forEach(names::add);
            } catch (AccessDeniedException notAReader) {
                // ADMIN and SECRETS_ADMIN read policies; anyone else offers what they hold.
            }
        }
        return names;
    }

    private static Duration duration(String text, String field) {
        try {
            return Duration.parse(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "an ISO-8601 duration such as PT1H or P7D");
        }
    }

    private static Span state(VaultTokenView token) {
        Span state = new Span(token.state().name().toLowerCase(java.util.Locale.ROOT));
        state.addClassName(switch (token.state()) {
            case ACTIVE -> "gantry-ok";
            case EXPIRED -> "gantry-muted";
            case REVOKED -> "gantry-bad";
        });
        if (token.kind() == VaultTokenKind.TEMPORARY) {
            state.getElement().setAttribute("title", "temporary: never renewable");
        }
        return state;
    }
}
