package dev.gantry.api.secrets;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RepositoryScan;
import dev.gantry.secrets.ScanRun;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Repository scans run in the background on a small bounded pool: a scan reads a whole history and may take
 * minutes, longer than an HTTP client waits. The submission is known by an id of its own until the scan's run is
 * stored; this node remembers the latest submissions and which run each became.
 */
@Component
class ScanSubmissions implements DisposableBean {

    enum State {
        QUEUED,
        RUNNING,
        DONE,
        FAILED
    }

    record Submission(UUID id, String repository, State state, @Nullable UUID runId, @Nullable String error) {
    }

    private static final Logger log = LoggerFactory.getLogger(ScanSubmissions.class);
    private static final int REMEMBERED = 200;

    private final RepositoryScan scans;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, Submission> submissions = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Submission> eldest) {
            return size() > REMEMBERED;
        }
    };

    ScanSubmissions(RepositoryScan scans, @Value("${gantry.secrets.scan.threads:1}") int threads,
                    @Value("${gantry.secrets.scan.queue:4}") int queue) {
        if (threads < 1 || queue < 1) {
            throw new IllegalArgumentException("gantry.secrets.scan.threads and .queue must be at least 1");
        }
        this.scans = scans;
        this.executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(queue), runnable -> {
                    Thread thread = new Thread(runnable, "repository-scan");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Queues a scan as the caller (whose roles the scan checks again when it starts).
     *
     * @throws InvalidInputException (field {@code repository}) when the path is not one a scan may read
     * @throws ConflictException (field {@code repository}) when the queue is full
     */
    Submission submit(String repository) {
        Path path;
        try {
            path = Path.of(repository);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InvalidInputException("repository", "not a path on this node");
        }
        // Refused now, on the field, rather than as a failed submission the client only sees when it polls.
        scans.admit(path);
        Submission queued = new Submission(UUID.randomUUID(), repository, State.QUEUED, null, null);
        put(queued);
        SecurityContext caller = SecurityContextHolder.createEmptyContext();
        caller.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        try {
            executor.execute(() -> run(queued, path, caller));
        } catch (RejectedExecutionException full) {
            remove(queued.id());
            throw new ConflictException("repository", "too many scans are queued on this node; try again later");
        }
        return queued;
    }

    Optional<Submission> find(UUID id) {
        synchronized (submissions) {
            return Optional.ofNullable(submissions.get(id));
        }
    }

    private void run(Submission queued, Path path, SecurityContext caller) {
        SecurityContextHolder.setContext(caller);
        put(new Submission(queued.id(), queued.repository(), State.RUNNING, null, null));
        try {
            ScanRun run = scans.scan(path);
            put(new Submission(queued.id(), queued.repository(), State.DONE, run.id(), null));
        } catch (RuntimeException e) {
            // Messages of the vault's own exceptions say what was wrong without values; others are named only.
            String reason = e instanceof InvalidInputException || e instanceof ConflictException
                    ? e.getMessage() : e.getClass().getSimpleName();
            log.warn("Repository scan {} failed: {}", queued.id(), reason);
            put(new Submission(queued.id(), queued.repository(), State.FAILED, null, reason));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void put(Submission submission) {
        synchronized (submissions) {
            submissions.put(submission.id(), submission);
        }
    }

    private void remove(UUID id) {
        synchronized (submissions) {
            submissions.remove(id);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
