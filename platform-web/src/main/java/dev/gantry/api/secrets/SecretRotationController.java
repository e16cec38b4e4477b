package dev.gantry.api.secrets;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationOutcome;
import dev.gantry.secrets.RotationOverview;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationScope;
import dev.gantry.secrets.RotationStatus;
import dev.gantry.secrets.RotationWindow;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretRotation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotation (ADR 7): policies per secret or prefix, rotating one secret now, status, and expiries of secrets Gantry
 * cannot rotate. {@link SecretRotation} checks the caller's capabilities on each path (admin to configure, rotate
 * to rotate) and audits every change; no value appears in any of these answers.
 */
@RestController
@RequestMapping("/api/v1/secrets")
class SecretRotationController {

    private static final String PATH = "The secret's path, team/service/environment/name, slashes unescaped";

    record Window(@Nullable String start, @Nullable String length, @Nullable String zone) {
    }

    record PolicyRequest(@Nullable String scope, @Nullable String selector, @Nullable String rotator,
            @Nullable Map<String, String> parameters, @Nullable String interval, @Nullable Window window,
            @Nullable String gracePeriod, @Nullable String quietPeriod, @Nullable Boolean enabled) {
    }

    record PolicyDocument(String scope, String selector, String rotator, Map<String, String> parameters,
            @Nullable String interval, @Nullable Window window, String gracePeriod, String quietPeriod,
            boolean enabled) {
    }

    /** {@code outcome} is ROTATED (with version) or FAILED (with step, reason and the next attempt). */
    record OutcomeDocument(String path, String outcome, @Nullable Long version, @Nullable Long previousVersion,
            @Nullable Instant completedAt, @Nullable String step, @Nullable String reason,
            @Nullable Integer consecutiveFailures, @Nullable Instant nextAttemptAt) {
    }

    record ExpiryRequest(@Nullable Instant expiresAt) {
    }

    private final SecretRotation rotation;

    SecretRotationController(SecretRotation rotation) {
        this.rotation = rotation;
    }

    @GetMapping("/rotation/policies")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "Every rotation policy, by scope and selector")
    List<PolicyDocument> policies() {
        return rotation.policies().stream().map(SecretRotationController::document).toList();
    }

    @PutMapping("/rotation/policies")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Create or replace the rotation policy of a secret or a path prefix",
            description = "Body {\"scope\": \"secret\"|\"prefix\", \"selector\": \"payments/api/prod/db\" or "
                    + "\"payments/\", \"rotator\": \"password\", \"parameters\": {\"length\": \"32\"}, "
                    + "\"interval\": \"P30D\", \"window\": {\"start\": \"02:00\", \"length\": \"PT2H\", "
                    + "\"zone\": \"Europe/Berlin\"}, \"gracePeriod\": \"P1D\", \"quietPeriod\": \"PT1H\", "
                    + "\"enabled\": true}. Rotator \"manual\" marks a secret rotated by hand (set its expiry). Needs "
                    + "admin on the selector; an interval beyond the policy pack's maximum age answers 400.")
    PolicyDocument setPolicy(@RequestBody PolicyRequest request) {
        RotationScope scope = scope(request.scope());
        RotationWindow window = window(request.window());
        RotationPolicy policy = new RotationPolicy(scope, required("selector", request.selector()),
                required("rotator", request.rotator()).strip(),
                new RotatorParameters(request.parameters() == null ? Map.of() : request.parameters()),
                request.interval() == null || request.interval().isBlank() ? null
                        : new RotationInterval(request.interval()),
                window, period("gracePeriod", request.gracePeriod()), period("quietPeriod", request.quietPeriod()),
                request.enabled() == null || request.enabled());
        return document(rotation.setPolicy(policy));
    }

    @DeleteMapping("/rotation/policies")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Remove the rotation policy of a secret or prefix",
            description = "Query scope=secret|prefix and selector=<path or prefix/>.")
    void removePolicy(@RequestParam String scope, @RequestParam String selector) {
        rotation.removePolicy(scope(scope), selector);
    }

    @PostMapping("/rotate/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Rotate a secret now, whatever its schedule, window or back-off",
            description = "Needs the rotate capability. Answers 200 with outcome ROTATED and the new version, or "
                    + "outcome FAILED with the step and reason (the current value stays); 409 (field path) if a "
                    + "rotation of it is running, 400 (field path) if no policy covers it or it is rotated by hand. "
                    + "A repository scan finding naming a managed path links here.")
    OutcomeDocument rotateNow(@Parameter(description = PATH) @PathVariable String path) {
        return switch (rotation.rotateNow(SecretPaths.fromUrl(path))) {
            case RotationOutcome.Rotated rotated -> new OutcomeDocument(rotated.path(), "ROTATED",
                    rotated.version(), rotated.previousVersion(), rotated.completedAt(), null, null, null, null);
            case RotationOutcome.Failed failed -> new OutcomeDocument(failed.path(), "FAILED", null, null, null,
                    failed.step(), failed.reason(), failed.consecutiveFailures(), failed.nextAttemptAt());
        };
    }

    @GetMapping("/rotation/status")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Rotation status of every secret under a prefix that a policy or an expiry covers",
            description = "Only secrets the caller may list appear.")
    List<RotationStatus> statuses(@RequestParam(defaultValue = "") String prefix) {
        if (prefix.length() > SecretPaths.MAX_LENGTH) {
            throw new InvalidInputException("prefix", "at most " + SecretPaths.MAX_LENGTH + " characters");
        }
        return rotation.statuses(prefix);
    }

    @GetMapping("/rotation/overview")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Secrets due for rotation, failing, and expiring within the horizon (default 14 days)")
    RotationOverview overview(@RequestParam(defaultValue = "P14D") String horizon) {
        Duration parsed = ApiDurations.parse("horizon", horizon);
        if (parsed.compareTo(Duration.ofDays(366)) > 0) {
            throw new InvalidInputException("horizon", "at most 366 days");
        }
        return rotation.overview(parsed);
    }

    @PutMapping("/expiry/{*path}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Set when the current value of a secret stops working, or clear it",
            description = "Body {\"expiresAt\": \"2027-03-01T00:00:00Z\"} or {\"expiresAt\": null}. Reminders go "
                    + "out ahead of it (gantry.secrets.rotation.expiry-reminders). Needs write on the path.")
    void setExpiry(@Parameter(description = PATH) @PathVariable String path,
                   @RequestBody(required = false) @Nullable ExpiryRequest request) {
        rotation.setExpiry(SecretPaths.fromUrl(path), request == null ? null : request.expiresAt());
    }

    private static RotationScope scope(@Nullable String scope) {
        String text = required("scope", scope).strip().toUpperCase(Locale.ROOT);
        try {
            return RotationScope.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scope", "secret or prefix");
        }
    }

    private static @Nullable RotationWindow window(@Nullable Window window) {
        if (window == null) {
            return null;
        }
        LocalTime start;
        ZoneId zone;
        try {
            start = LocalTime.parse(required("window.start", window.start()).strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("window.start", "a time of day such as 02:00");
        }
        try {
            zone = window.zone() == null || window.zone().isBlank() ? ZoneId.of("UTC") : ZoneId.of(window.zone());
        } catch (DateTimeException e) {
            throw new InvalidInputException("window.zone", "a time zone such as UTC or Europe/Berlin");
        }
        return new RotationWindow(start, ApiDurations.required("window.length", window.length()), zone);
    }

    private static Duration period(String field, @Nullable String text) {
        Duration parsed = ApiDurations.optional(field, text);
        return parsed == null ? Duration.ZERO : parsed;
    }

    private static String required(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "required");
        }
        return text;
    }

    private static PolicyDocument document(RotationPolicy policy) {
        RotationWindow window = policy.window();
        return new PolicyDocument(policy.scope().name().toLowerCase(Locale.ROOT), policy.selector(),
                policy.rotator(), policy.parameters().values(),
                policy.interval() == null ? null : policy.interval().text(),
                window == null ? null : new Window(window.start().toString(), window.length().toString(),
                        window.zone().getId()),
                policy.gracePeriod().toString(), policy.quietPeriod().toString(), policy.enabled());
    }
}
