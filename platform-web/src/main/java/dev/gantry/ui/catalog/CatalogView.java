package dev.gantry.ui.catalog;

import java.util.EnumSet;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceDefinition;
import dev.gantry.access.ServiceTier;
import dev.gantry.access.ServiceView;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.Environment;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.ui.components.Notifications;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;

/** Every service the organisation runs, who owns it, how critical it is, and where its runbook lives. */
@Route("catalog")
@PageTitle("Service catalog · Gantry")
@Menu(order = 10, title = "Catalog", icon = "CUBES")
@PermitAll
class CatalogView extends VerticalLayout {

    private final ServiceCatalog catalog;
    private final TeamManagement teams;
    private final Grid<ServiceView> grid = new Grid<>();
    private final TextField filter = new TextField();

    CatalogView(ServiceCatalog catalog, TeamManagement teams) {
        this.catalog = catalog;
        this.teams = teams;
        addClassName("gantry-page");
        setSizeFull();
        filter.setPlaceholder("Search services");
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Button register = new Button("Register service", VaadinIcon.PLUS.create(), e -> openEditor());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("register-service");
        add(new HorizontalLayout(filter, register));

        grid.addComponentColumn(s -> new Anchor("catalog/" + s.slug(), s.name())).setHeader("Service")
                .setAutoWidth(true);
        grid.addColumn(ServiceView::ownerTeamName).setHeader("Owner");
        grid.addColumn(s -> s.tier().name()).setHeader("Tier");
        grid.addColumn(s -> s.environments().stream().sorted().map(CatalogView::shortName)
                .collect(Collectors.joining(" · "))).setHeader("Environments");
        grid.addComponentColumn(CatalogView::links).setHeader("Links");
        grid.setItems(query -> catalog.find(filter.getValue(), VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream());
        grid.setEmptyStateText("No services yet. Register the first one: its owner team, tier and runbook link.");
        addAndExpand(grid);
    }

    static String shortName(Environment environment) {
        return switch (environment) {
            case DEVELOPMENT -> "dev";
            case STAGING -> "staging";
            case PRODUCTION -> "prod";
        };
    }

    static HorizontalLayout links(ServiceView s) {
        HorizontalLayout links = new HorizontalLayout();
        if (s.repositoryUrl() != null) {
            links.add(new Anchor(s.repositoryUrl(), "repository"));
        }
        if (s.runbookUrl() != null) {
            links.add(new Anchor(s.runbookUrl(), "runbook"));
        }
        if (s.dashboardUrl() != null) {
            links.add(new Anchor(s.dashboardUrl(), "dashboard"));
        }
        return links;
    }

    private void openEditor() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Register a service");
        TextField slug = new TextField("Slug");
        slug.setHelperText("Short id, e.g. checkout-api");
        TextField name = new TextField("Name");
        TextArea description = new TextArea("Description");
        ComboBox<TeamView> owner = new ComboBox<>("Owner team");
        owner.setItems(teams.all());
        owner.setItemLabelGenerator(TeamView::name);
        Select<ServiceTier> tier = new Select<>();
        tier.setLabel("Tier");
        tier.setItems(ServiceTier.values());
        tier.setItemLabelGenerator(t -> t.name() + " — " + t.description());
        tier.setValue(ServiceTier.STANDARD);
        CheckboxGroup<Environment> environments = new CheckboxGroup<>("Environments");
        environments.setItems(Environment.values());
        environments.setValue(EnumSet.allOf(Environment.class));
        TextField repository = new TextField("Repository link");
        TextField runbook = new TextField("Runbook link");
        TextField dashboard = new TextField("Dashboard link");
        FormLayout form = new FormLayout(slug, name, owner, tier, description, environments, repository, runbook,
                dashboard);
        dialog.add(form);
        Button save = new Button("Register", e -> {
            try {
                ServiceView saved = catalog.register(new ServiceDefinition(slug.getValue(), name.getValue(),
                        description.getValue(), owner.getValue() == null ? "" : owner.getValue().slug(),
                        tier.getValue(), environments.getValue(), repository.getValue(), runbook.getValue(),
                        dashboard.getValue()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Notifications.done(saved.name() + " registered");
            } catch (InvalidInputException | ConflictException refused) {
                Notifications.refused(refused.getMessage());
            } catch (AccessDeniedException denied) {
                Notifications.refused("Only an administrator or an engineer of the owner team may register it. "
                        + "Ask an administrator for the ENGINEER role in that team.");
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
