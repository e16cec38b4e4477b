package dev.gantry.ui.policy;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.domain.policy.PolicyArea;
import dev.gantry.domain.policy.PolicyPack;
import dev.gantry.domain.policy.PolicyRule;
import jakarta.annotation.security.PermitAll;

/** The rules Gantry enforces, grouped by area, each with its id so evidence can point back to it. */
@Route("policy")
@PageTitle("Policy · Gantry")
@Menu(order = 20, title = "Policy", icon = "BOOK")
@PermitAll
class PolicyView extends VerticalLayout {

    PolicyView(PolicyPack pack) {
        addClassName("gantry-page");
        add(new H2(pack.name()));
        Paragraph meta = new Paragraph(pack.organisation() + " · pack " + pack.id() + " version " + pack.version()
                + " · " + pack.rules().size() + " rules");
        meta.addClassName("gantry-muted");
        add(meta, new Paragraph(pack.description()));
        for (Map.Entry<PolicyArea, List<PolicyRule>> area : pack.byArea().entrySet()) {
            VerticalLayout rules = new VerticalLayout();
            rules.setPadding(false);
            for (PolicyRule rule : area.getValue()) {
                Span id = new Span(rule.id());
                id.addClassName("gantry-pill");
                Span kind = new Span(rule.kind().yamlName());
                kind.addClassName("gantry-muted");
                Div line = new Div(id, kind);
                Paragraph description = new Paragraph(rule.description());
                description.getStyle().set("margin", "0");
                Paragraph summary = new Paragraph(rule.summary());
                summary.addClassName("gantry-muted");
                summary.getStyle().set("margin", "0 0 var(--lumo-space-s) 0");
                rules.add(line, description, summary);
            }
            Details details = new Details(area.getKey().title() + " (" + area.getValue().size() + ")", rules);
            details.setOpened(true);
            details.setWidthFull();
            add(details);
        }
    }
}
