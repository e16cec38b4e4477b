package dev.gantry.ui.home;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.access.AuditEntryView;
import dev.gantry.access.AuditLog;
import dev.gantry.access.ServiceCatalog;
import dev.gantry.access.ServiceView;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.TeamView;
import dev.gantry.config.RecoveryBreaches;
import dev.gantry.domain.Role;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.ui.components.Formats;
import dev.gantry.ui.recovery.RecoveryBreachesCard;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What a person needs first: their teams and the services those teams own. */
@Route("")
@PageTitle("Home · Gantry")
@Menu(order = 0, title = "Home", icon = "HOME")
@PermitAll
class HomeView extends VerticalLayout {

    HomeView(TeamManagement teams, ServiceCatalog catalog, AuditLog audit, RecoveryBreaches recoveryBreaches) {
        addClassName("gantry-page");
        GantryPrincipal me = SignInSteps.currentPrincipal();
        String username = me == null ? "" : me.username();
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        cards.add(teamsCard(teams.teamsOf(username)), servicesCard(catalog.ownedByTeamsOf(username)));
        if (mayReadAudit()) {
            cards.add(activityCard(audit.recent(8)));
        }
        if (RecoveryBreachesCard.mayShow()) {
            cards.add(RecoveryBreachesCard.of(recoveryBreaches.latest(5)));
        }
        add(cards);
    }

    private static Div teamsCard(List<TeamView> mine) {
        Div card = card("My teams");
        if (mine.isEmpty()) {
            card.add(empty("You are not in a team yet. An administrator adds people to teams under Admin › Teams."));
        }
        for (TeamView team : mine) {
            Paragraph line = new Paragraph(new Span(team.name()), pill(team.members() + " members"));
            card.add(line);
        }
        return card;
    }

    private static Div servicesCard(List<ServiceView> mine) {
        Div card = card("My services");
        if (mine.isEmpty()) {
            card.add(empty("Your teams own no services yet. Register one in the Catalog."));
        }
        for (ServiceView service : mine) {
            Anchor link = new Anchor("catalog/" + service.slug(), service.name());
            card.add(new Paragraph(link, pill(service.tier().name()), pill(service.ownerTeamName())));
        }
        return card;
    }

    private static boolean mayReadAudit() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Role.ADMIN.authority()) || a.equals(Role.AUDITOR.authority()));
    }

    private static Div activityCard(List<AuditEntryView> recent) {
        Div card = card("Recent activity");
        if (recent.isEmpty()) {
            card.add(empty("Nothing has happened yet."));
        }
        for (AuditEntryView entry : recent) {
            Span when = new Span(Formats.ago(entry.time()));
            when.addClassName("gantry-muted");
            card.add(new Paragraph(new Span(entry.actor() + " · " + entry.action() + " · " + entry.target() + " "),
                    when));
        }
        card.add(new Anchor("audit", "Open the audit trail"));
        return card;
    }

    static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("gantry-card");
        return card;
    }

    static Paragraph empty(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassName("gantry-empty");
        return p;
    }

    static Span pill(String text) {
        Span span = new Span(text);
        span.addClassName("gantry-pill");
        return span;
    }
}
