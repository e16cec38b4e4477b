package dev.gantry.ui.secrets;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.domain.NotFoundException;
import dev.gantry.secrets.PolicyGrant;
import dev.gantry.secrets.PolicyRule;
import dev.gantry.secrets.PolicySubject;
import dev.gantry.secrets.PolicyView;
import dev.gantry.secrets.SecretCapability;
import dev.gantry.secrets.SecretPolicies;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

/**
 * Secret access policies (ADR 6) for secrets administrators: the list, a policy's rules (path glob, capabilities,
 * or deny on its own) with the service's errors on the rule and field they name, and who holds it.
 */
@Route("secrets/policies")
@PageTitle("Secret policies · Gantry")
@Menu(order = 34, title = "Secret policies", icon = "FILE_TEXT_O")
@RolesAllowed("SECRETS_ADMIN")
class SecretPoliciesView extends VerticalLayout {

    private static final Pattern RULE_FIELD = Pattern.compile("rules\\[(\\d+)]\\.(pathGlob|capabilities)");
    private static final List<SecretCapability> GRANTING = List.of(SecretCapability.READ, SecretCapability.WRITE,
            SecretCapability.LIST, SecretCapability.DELETE, SecretCapability.ROLLBACK, SecretCapability.ROTATE,
            SecretCapability.ADMIN, SecretCapability.DENY);

    private final SecretPolicies policies;
    private final Grid<PolicyView> grid = new Grid<>();
    private final Div editor = new Div();

    SecretPoliciesView(SecretPolicies policies) {
        this.policies = policies;
        addClassName("gantry-page");
        setSizeFull();
        Button create = new Button("New policy", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-policy");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        grid.setId("policies-grid");
        grid.addColumn(PolicyView::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(p -> p.rules().size()).setHeader("Rules").setAutoWidth(true);
        grid.addColumn(p -> "v" + p.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(p -> Formats.ago(p.updatedAt()) + " by " + p.updatedBy()).setHeader("Changed")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No policy yet. Team members reach their team's secrets through built-in policies.");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                edit(e.getValue());
            }
        });
        editor.setId("policy-editor");
        editor.getStyle().set("padding", "0 var(--lumo-space-m)");
        editor.add(new Paragraph("Select a policy, or create one."));
        SplitLayout split = new SplitLayout(grid, editor);
        split.setSplitterPosition(35);
        split.setSizeFull();
        addAndExpand(split);
        grid.setItems(policies.list());
    }

    private void edit(@Nullable PolicyView existing) {
        editor.removeAll();
        editor.add(new H3(existing == null ? "New policy" : existing.name()));
        TextField name = new TextField("Name");
        name.setId("policy-name");
        name.setWidth("20em");
        if (existing != null) {
            name.setValue(existing.name());
            name.setReadOnly(true);
        }
        TextField description = new TextField("Description");
        description.setId("policy-description");
        description.setWidthFull();
        description.setValue(existing == null ? "" : existing.description());
        VerticalLayout rules = new VerticalLayout();
        rules.setId("policy-rules");
        rules.setPadding(false);
        List<RuleRow> rows = new ArrayList<>();
        Runnable addRow = () -> {
            RuleRow row = new RuleRow(rows.size(), null, rows, rules);
            rows.add(row);
            rules.add(row);
        };
        if (existing != null) {
            for (PolicyRule rule : existing.rules()) {
                RuleRow row = new RuleRow(rows.size(), rule, rows, rules);
                rows.add(row);
                rules.add(row);
            }
        } else {
            addRow.run();
        }
        Button more = new Button("Add rule", VaadinIcon.PLUS.create(), e -> addRow.run());
        more.setId("add-rule");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Paragraph rulesError = new Paragraph();
        rulesError.setId("policy-rules-error");
        rulesError.addClassName("gantry-bad");
        Button save = new Button(existing == null ? "Create policy" : "Save policy", e -> {
            rulesError.setText("");
            name.setInvalid(false);
            description.setInvalid(false);
            rows.forEach(RuleRow::clearError);
            List<PolicyRule> wanted = rows.stream().map(RuleRow::rule).toList();
            try {
                PolicyView saved = existing == null
                        ? policies.create(name.getValue().strip(), description.getValue(), wanted)
                        : policies.update(existing.name(), description.getValue(), wanted, existing.version());
                Notifications.done("Saved policy " + saved.name() + " (v" + saved.version() + ")");
                grid.setItems(policies.list());
                edit(saved);
            } catch (InvalidInputException invalid) {
                Matcher rule = RULE_FIELD.matcher(invalid.field());
                if (rule.matches() && Integer.parseInt(rule.group(1)) < rows.size()) {
                    rows.get(Integer.parseInt(rule.group(1))).error(rule.group(2), invalid.getMessage());
                } else if ("name".equals(invalid.field())) {
                    name.setInvalid(true);
                    name.setErrorMessage(invalid.getMessage());
                } else if ("description".equals(invalid.field())) {
                    description.setInvalid(true);
                    description.setErrorMessage(invalid.getMessage());
                } else {
                    rulesError.setText(invalid.getMessage());
                }
            } catch (ConflictException conflict) {
                TextField field = "name".equals(conflict.field()) ? name : description;
                field.setInvalid(true);
                field.setErrorMessage("name".equals(conflict.field()) ? "A policy of this name exists already."
                        : "Someone changed this policy meanwhile; reopen it and edit again.");
            }
        });
        save.setId("save-policy");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(save);
        if (existing != null) {
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> {
                ConfirmDialog confirm = new ConfirmDialog("Delete policy " + existing.name() + "?",
                        "Everyone and every token holding it loses what it grants, on every node at once.",
                        "Delete", ok -> {
                            policies.delete(existing.name());
                            Notifications.done("Deleted policy " + existing.name());
                            grid.setItems(policies.list());
                            editor.removeAll();
                        });
                confirm.setCancelable(true);
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            delete.setId("delete-policy");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(delete);
        }
        Paragraph hint = new Paragraph("Globs match team/service/environment/name: payments/** for a team, "
                + "payments/*/prod/** for its production. Capabilities of every matching rule add up; a deny "
                + "closes the path whatever else grants it.");
        hint.addClassName("gantry-muted");
        editor.add(name, description, new H4("Rules"), hint, rules, more, rulesError, buttons);
        if (existing != null) {
            editor.add(grants(existing.name()));
        }
    }

    private Div grants(String policy) {
        Div box = new Div(new H4("Held by"));
        box.setId("policy-grants");
        Grid<PolicyGrant> held = new Grid<>();
        held.setId("policy-grants-grid");
        held.addColumn(g -> g.subject().toString()).setHeader("Subject").setFlexGrow(2);
        held.addColumn(g -> Formats.ago(g.grantedAt()) + " by " + g.grantedBy()).setHeader("Granted")
                .setAutoWidth(true);
        held.addComponentColumn(g -> {
            Button revoke = new Button("Revoke", e -> {
                policies.revokeGrant(policy, g.subject());
                held.setItems(policies.grantsOf(policy));
            });
            revoke.setId("revoke-grant-" + g.subject().kind().name().toLowerCase(java.util.Locale.ROOT) + "-"
                    + g.subject().name());
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return revoke;
        }).setAutoWidth(true);
        held.addThemeVariants(GridVariant.LUMO_COMPACT);
        held.setAllRowsVisible(true);
        held.setEmptyStateText("Nobody holds it yet.");
        held.setItems(policies.grantsOf(policy));
        Select<PolicySubject.Kind> kind = new Select<>();
        kind.setId("grant-kind");
        kind.setLabel("To a");
        kind.setItems(PolicySubject.Kind.values());
        kind.setItemLabelGenerator(k -> k == PolicySubject.Kind.USER ? "user" : "team");
        kind.setValue(PolicySubject.Kind.TEAM);
        TextField subject = new TextField("User name or team slug");
        subject.setId("grant-subject");
        Button grant = new Button("Grant", e -> {
            try {
                policies.grant(policy, new PolicySubject(kind.getValue(), subject.getValue().strip()));
                subject.clear();
                subject.setInvalid(false);
                held.setItems(policies.grantsOf(policy));
            } catch (InvalidInputException | NotFoundException | AccessDeniedException refused) {
                subject.setInvalid(true);
                subject.setErrorMessage(refused.getMessage());
            }
        });
        grant.setId("grant-policy");
        HorizontalLayout form = new HorizontalLayout(kind, subject, grant);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        box.add(held, form);
        return box;
    }

    /** One rule: a path glob and its capabilities; its errors show on itself. */
    private static final class RuleRow extends HorizontalLayout {

        private final TextField glob = new TextField();
        private final CheckboxGroup<SecretCapability> capabilities = new CheckboxGroup<>();

        RuleRow(int index, @Nullable PolicyRule rule, List<RuleRow> rows, VerticalLayout container) {
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWidthFull();
            glob.setId("rule-" + index + "-glob");
            glob.setPlaceholder("payments/**");
            glob.setWidth("18em");
            capabilities.setId("rule-" + index + "-capabilities");
            capabilities.setItems(GRANTING);
            capabilities.setItemLabelGenerator(SecretCapability::wireName);
            if (rule != null) {
                glob.setValue(rule.pathGlob());
                capabilities.setValue(rule.capabilities());
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                rows.remove(this);
                container.remove(this);
            });
            remove.setAriaLabel("Remove rule");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            add(glob, capabilities, remove);
        }

        PolicyRule rule() {
            Set<SecretCapability> chosen = capabilities.getValue().isEmpty() ? Set.of()
                    : EnumSet.copyOf(capabilities.getValue());
            return new PolicyRule(glob.getValue().strip(), chosen);
        }

        void clearError() {
            glob.setInvalid(false);
            capabilities.setInvalid(false);
        }

        void error(String field, String message) {
            if ("pathGlob".equals(field)) {
                glob.setInvalid(true);
                glob.setErrorMessage(message);
            } else {
                capabilities.setInvalid(true);
                capabilities.setErrorMessage(message);
            }
        }
    }
}
