package dev.gantry.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SignInSteps;
import jakarta.annotation.security.PermitAll;

/** The frame of every signed-in page: navigation built from the views' menu entries, the user, sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final H2 title = new H2();

    MainLayout(AuthenticationContext authentication) {
        setPrimarySection(Section.DRAWER);
        Div brand = new Div();
        brand.addClassName("gantry-brand");
        brand.getElement().setProperty("innerHTML", "Gantry<small>policy, enforced</small>");
        addToDrawer(brand, new Scroller(navigation()));

        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0").set("flex-grow", "1");
        GantryPrincipal principal = SignInSteps.currentPrincipal();
        Span who = new Span(principal == null ? "" : principal.displayName() + " (" + principal.username() + ")");
        who.addClassName("gantry-muted");
        Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(VaadinIcon.valueOf(entry.icon()).create());
            }
            nav.addItem(item);
        }
        return nav;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String header = MenuConfiguration.getPageHeader(getContent()).orElse("");
        title.setText(header.endsWith(" · Gantry") ? header.substring(0, header.length() - " · Gantry".length())
                : header);
    }
}
