package dev.gantry.ui.secrets;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.gantry.secrets.RepositoryScan;
import dev.gantry.secrets.ScanRun;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextCallable;
import org.springframework.stereotype.Component;

/**
 * Runs repository scans off the request thread, as the administrator who started them (their security context
 * travels with the task, so the service checks and audits them). The view polls the stored runs for progress, so
 * nothing here is tied to a session. Two at a time at most: a scan reads a whole history.
 */
@Component
class BackgroundScans {

    private static final Logger log = LoggerFactory.getLogger(BackgroundScans.class);

    private final RepositoryScan scans;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofVirtual()
            .name("repo-scan-", 0).factory());

    BackgroundScans(RepositoryScan scans) {
        this.scans = scans;
    }

    Future<ScanRun> start(Path repository) {
        return executor.submit(new DelegatingSecurityContextCallable<>(() -> {
            try {
                return scans.scan(repository);
            } catch (RuntimeException failed) {
                // The run is stored as FAILED with its reason; the log names only the kind of failure.
                log.info("Repository scan ended with {}", failed.getClass().getSimpleName());
                throw failed;
            }
        }));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
