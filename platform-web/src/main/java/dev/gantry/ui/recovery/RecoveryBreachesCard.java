package dev.gantry.ui.recovery;

import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import dev.gantry.config.RecoveryBreaches;

/** The home page's card of the latest recovery breaches, for administrators. */
public final class RecoveryBreachesCard {

    private RecoveryBreachesCard() {
    }

    public static boolean mayShow() {
        return Access.isAdmin();
    }

    public static Div of(List<RecoveryBreaches.Breach> latest) {
        Div card = new Div(new H3("Recovery breaches"));
        card.addClassName("gantry-card");
        card.setId("recovery-breaches");
        if (latest.isEmpty()) {
            Paragraph none = new Paragraph("No missed backup, failed drill or missed objective since this node "
                    + "started.");
            none.addClassName("gantry-empty");
            card.add(none);
        }
        latest.forEach(breach -> card.add(RecoveryView.breachLine(breach)));
        card.add(new Anchor("recovery", "Open recovery"));
        return card;
    }
}
