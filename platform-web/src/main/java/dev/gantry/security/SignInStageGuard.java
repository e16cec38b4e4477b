package dev.gantry.security;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a half-signed-in session on the view of its current step. The views alone would not be enough: the
 * pending session holds no role, so every service refuses it as well.
 */
@Component
class SignInStageGuard implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(SignInStageGuard::keepOnStep));
    }

    private static void keepOnStep(BeforeEnterEvent event) {
        GantryPrincipal principal = SignInSteps.currentPrincipal();
        if (principal == null) {
            return;
        }
        String target = event.getLocation().getPath();
        SignInStage stage = principal.stage();
        if (stage != SignInStage.COMPLETE && !target.equals(stage.route()) && !target.equals("login")) {
            event.forwardTo(stage.route());
        } else if (stage == SignInStage.COMPLETE && target.startsWith("mfa/verify")) {
            event.forwardTo("");
        }
    }
}
