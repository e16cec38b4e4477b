package dev.gantry.ui.catalog;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceView;
import dev.gantry.domain.NotFoundException;
import jakarta.annotation.security.PermitAll;

@Route("catalog/:slug")
@PageTitle("Service · Gantry")
@PermitAll
class ServiceDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final ServiceCatalog catalog;

    ServiceDetailView(ServiceCatalog catalog) {
        this.catalog = catalog;
        addClassName("gantry-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String slug = event.getRouteParameters().get("slug").orElse("");
        try {
            ServiceView s = catalog.get(slug);
            add(new H2(s.name()));
            add(new Paragraph(s.description().isEmpty() ? "No description yet." : s.description()));
            add(line("Owner", s.ownerTeamName()), line("Tier", s.tier().name() + " — " + s.tier().description()),
                    line("Environments", s.environments().toString()), CatalogView.links(s));
        } catch (NotFoundException missing) {
            add(new H2("No such service"), new Paragraph("There is no service '" + slug
                    + "' in the catalog. It may have been removed; go back to the Catalog to find it."));
        }
    }

    private static Paragraph line(String label, String value) {
        Span l = new Span(label + ": ");
        l.addClassName("gantry-muted");
        return new Paragraph(l, new Span(value));
    }
}
