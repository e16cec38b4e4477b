package dev.gantry.ui.secrets;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.secrets.SecretRotation;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.secrets.VaultSealedException;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * The vault's secrets: browse by path prefix, open one to see its versions, rotation and history, and act on them
 * as the caller's policies allow (ADR 6). Anyone signed in may open it and sees exactly the paths their policies
 * let them list. Values appear only in {@link RevealDialog}; this view holds metadata alone. A sealed vault is
 * explained instead of failing.
 */
@Route("secrets")
@PageTitle("Secrets · Gantry")
@Menu(order = 30, title = "Secrets", icon = "LOCK")
@PermitAll
class SecretsView extends VerticalLayout implements SecretDetails.Actions, BeforeEnterObserver {

    private final SecretVault vault;
    private final SecretPolicies policies;
    private final SecretRotation rotation;
    private final Reveal reveal;
    private final AuthenticationContext authentication;
    private final TextField prefix = new TextField();
    private final Grid<SecretMetadata> grid = new Grid<>();
    private final Div details = new Div();

    SecretsView(SecretVault vault, SecretPolicies policies, SecretRotation rotation, VaultSeal seal, Reveal reveal,
            AuthenticationContext authentication) {
        this.vault = vault;
        this.policies = policies;
        this.rotation = rotation;
        this.reveal = reveal;
        this.authentication = authentication;
        addClassName("gantry-page");
        setSizeFull();
        if (seal.status().sealed()) {
            add(new SealedNotice());
            return;
        }
        prefix.setId("secret-prefix");
        prefix.setPlaceholder("Path prefix, e.g. payments/ or payments/checkout-api/prod/");
        prefix.setPrefixComponent(VaadinIcon.SEARCH.create());
        prefix.setWidth("28em");
        prefix.setClearButtonVisible(true);
        prefix.setValueChangeMode(ValueChangeMode.LAZY);
        prefix.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout bar = new HorizontalLayout(prefix);
        if (writesSomewhere()) {
            Button create = new Button("New secret", VaadinIcon.PLUS.create(),
                    e -> new WriteSecretDialog(vault, null, prefix.getValue(), (path, v) -> written(path)).open());
            create.setId("new-secret");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(create);
        }
        add(bar);

        grid.setId("secrets-grid");
        // The owning team is the path's first segment, so the path alone says it.
        grid.addColumn(SecretMetadata::path).setHeader("Path").setFlexGrow(3).setResizable(true)
                .setTooltipGenerator(SecretMetadata::path);
        grid.addColumn(s -> "v" + s.currentVersion()).setHeader("Current").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> Formats.ago(s.updatedAt())).setHeader("Updated").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> visible().stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> visible().size()).setIdentifierProvider(SecretMetadata::path);
        grid.setEmptyStateText("No secret under this prefix. Clear the filter, or create one with ‘New secret’.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue().path());
            }
        });
        details.setId("secret-panel");
        details.getStyle().set("padding", "0 var(--lumo-space-m)");
        details.add(new Paragraph("Select a secret to see its versions."));
        SplitLayout split = new SplitLayout(grid, details);
        // The panel holds the versions grid with its actions: give it the larger share.
        split.setSplitterPosition(32);
        split.setSizeFull();
        addAndExpand(split);
    }

    /**
     * What the caller's policies let them list under the prefix. The vault filters the whole listing by policy (its
     * paged listing does not), so the grid pages in memory: a vault holds thousands of secrets, not millions.
     */
    private List<SecretMetadata> visible() {
        try {
            return vault.list(prefix.getValue());
        } catch (VaultSealedException sealed) {
            // Sealed while browsing: the actions say so; the list just ends.
            return List.of();
        }
    }

    /**
     * Whether to offer "New secret": the path is not known yet, so the button shows for anyone holding a policy
     * beyond the list-only one every team member has; the vault still decides on the path typed.
     */
    private boolean writesSomewhere() {
        return policies.currentPolicies().stream().anyMatch(name -> !name.startsWith("builtin:team-viewer:"));
    }

    private void open(String path) {
        details.removeAll();
        try {
            SecretMetadata secret = vault.metadata(path);
            details.add(new SecretDetails(new SecretDetails.Facts(secret, SecretRoles.on(policies, path),
                    rotation.activity(path), rotationStatus(path)), this));
        } catch (NotFoundException | InvalidInputException | AccessDeniedException | VaultSealedException cannot) {
            details.add(cannot instanceof VaultSealedException ? new SealedNotice()
                    : new Paragraph("This secret cannot be shown: " + cannot.getMessage()));
        }
    }

    private void written(String path) {
        Notifications.done("Written " + path);
        grid.getDataProvider().refreshAll();
        open(path);
    }

    /** {@code ?path=} opens that secret, so other views (rotation, scans) can link to one. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> path = event.getLocation().getQueryParameters().getParameters().get("path");
        // A sealed vault built no grid: nothing to open.
        if (path != null && !path.isEmpty() && !path.getFirst().isBlank() && grid.getParent().isPresent()) {
            prefix.setValue(path.getFirst());
            open(path.getFirst());
        }
    }

    private @Nullable RotationStatus rotationStatus(String path) {
        try {
            return rotation.status(path);
        } catch (NotFoundException noPolicy) {
            return null;
        }
    }

    @Override
    public void rotateNow(SecretMetadata secret) {
        try {
            RotationOutcome outcome = rotation.rotateNow(secret.path());
            switch (outcome) {
                case RotationOutcome.Rotated rotated -> Notifications.done("Rotated " + secret.path() + " to version "
                        + rotated.version());
                case RotationOutcome.Failed failed -> Notifications.refused("Rotation failed at " + failed.step()
                        + ": " + failed.reason() + ". The current version stays in use.");
            }
        } catch (InvalidInputException | ConflictException | NotFoundException refused) {
            Notifications.refused(refused.getMessage());
        } catch (AccessDeniedException denied) {
            Notifications.refused("Your policies do not allow rotating this secret.");
        } catch (VaultSealedException sealed) {
            Notifications.refused("The vault is sealed: nothing can change until it is unsealed.");
        }
        grid.getDataProvider().refreshAll();
        open(secret.path());
    }

    @Override
    public void editExpiry(SecretMetadata secret, @Nullable RotationStatus status) {
        new ExpiryDialog(rotation, secret.path(), status, path -> {
            Notifications.done("Expiry saved for " + path);
            open(path);
        }).open();
    }

    @Override
    public void editRotationPolicy(SecretMetadata secret) {
        new RotationPolicyDialog(rotation, secret.path(), ownPolicy(secret.path()), path -> {
            Notifications.done("Rotation policy saved for " + path);
            open(path);
        }).open();
    }

    private @Nullable RotationPolicy ownPolicy(String path) {
        try {
            Optional<RotationPolicy> policy = rotation.policyFor(path);
            return policy.orElse(null);
        } catch (AccessDeniedException onlyGlobalRolesReadPolicies) {
            return null;
        }
    }

    @Override
    public void reveal(SecretMetadata secret, long version) {
        RevealDialog.open(reveal, authentication, secret.path(), version);
    }

    @Override
    public void writeVersion(SecretMetadata secret) {
        new WriteSecretDialog(vault, secret, "", (path, v) -> written(path)).open();
    }

    @Override
    public void configure(SecretMetadata secret) {
        new ConfigureSecretDialog(vault, secret, saved -> {
            Notifications.done("Saved " + saved.path());
            open(saved.path());
        }).open();
    }

    @Override
    public void delete(SecretMetadata secret, long version) {
        change(secret, "Deleted version " + version, () -> vault.delete(secret.path(), version));
    }

    @Override
    public void undelete(SecretMetadata secret, long version) {
        change(secret, "Undeleted version " + version, () -> vault.undelete(secret.path(), version));
    }

    @Override
    public void destroy(SecretMetadata secret, long version) {
        change(secret, "Destroyed version " + version, () -> vault.destroy(secret.path(), version));
    }

    @Override
    public void rollback(SecretMetadata secret, long version) {
        change(secret, "Rolled back to version " + version, () -> vault.rollback(secret.path(), version));
    }

    private void change(SecretMetadata secret, String done, Runnable action) {
        try {
            action.run();
            Notifications.done(done + " of " + secret.path());
        } catch (InvalidInputException | ConflictException | NotFoundException refused) {
            Notifications.refused(refused.getMessage());
        } catch (AccessDeniedException denied) {
            Notifications.refused("Your policies do not allow this.");
        } catch (VaultSealedException sealed) {
            Notifications.refused("The vault is sealed: nothing can change until it is unsealed.");
        }
        grid.getDataProvider().refreshAll();
        open(secret.path());
    }
}
