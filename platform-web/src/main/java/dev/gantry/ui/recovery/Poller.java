package dev.gantry.ui.recovery;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes a view every second while something it shows is running, and stops polling when nothing is, so an
 * idle page costs the server nothing.
 */
final class Poller {

    static final int INTERVAL_MILLIS = 1000;

    private final Component owner;
    private @Nullable Registration registration;

    Poller(Component owner, Runnable refresh) {
        this.owner = owner;
        owner.addAttachListener(attached -> {
            registration = attached.getUI().addPollListener(poll -> refresh.run());
            refresh.run();
        });
        owner.addDetachListener(detached -> {
            if (registration != null) {
                registration.remove();
                registration = null;
            }
            detached.getUI().setPollInterval(-1);
        });
    }

    void keepPolling(boolean active) {
        owner.getUI().ifPresent(ui -> ui.setPollInterval(active ? INTERVAL_MILLIS : -1));
    }
}
