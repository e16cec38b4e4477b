package dev.gantry.secrets.internal.rotation;

import dev.gantry.secrets.RotationInterval;
import dev.gantry.secrets.RotationPolicy;
import dev.gantry.secrets.RotationScope;
import dev.gantry.secrets.RotationWindow;
import dev.gantry.secrets.RotatorParameters;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "secret_rotation_policy")
public class RotationPolicyEntity {

    @Id
    private UUID id;

    private String scope;

    private String selector;

    private String rotator;

    @Column(name = "rotation_interval")
    private @Nullable String interval;

    @Column(name = "window_start")
    private @Nullable String windowStart;

    @Column(name = "window_length")
    private @Nullable String windowLength;

    @Column(name = "window_zone")
    private @Nullable String windowZone;

    @Column(name = "grace_period")
    private String gracePeriod;

    @Column(name = "quiet_period")
    private String quietPeriod;

    private boolean enabled;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "secret_rotation_parameter", joinColumns = @JoinColumn(name = "policy_id"))
    @MapKeyColumn(name = "param_name")
    @Column(name = "param_value")
    private Map<String, String> parameters = new HashMap<>();

    protected RotationPolicyEntity() {
        this.id = new UUID(0, 0);
        this.scope = "";
        this.selector = "";
        this.rotator = "";
        this.gracePeriod = "PT0S";
        this.quietPeriod = "PT0S";
        this.updatedAt = Instant.EPOCH;
        this.updatedBy = "";
    }

    public RotationPolicyEntity(RotationPolicy policy, Instant now, String by) {
        this();
        this.id = UUID.randomUUID();
        update(policy, now, by);
    }

    public final void update(RotationPolicy policy, Instant now, String by) {
        scope = policy.scope().name();
        selector = policy.selector();
        rotator = policy.rotator();
        interval = policy.interval() == null ? null : policy.interval().text();
        RotationWindow window = policy.window();
        windowStart = window == null ? null : window.start().toString();
        windowLength = window == null ? null : window.length().toString();
        windowZone = window == null ? null : window.zone().getId();
        gracePeriod = policy.gracePeriod().toString();
        quietPeriod = policy.quietPeriod().toString();
        enabled = policy.enabled();
        parameters.clear();
        parameters.putAll(policy.parameters().values());
        updatedAt = now;
        updatedBy = by;
    }

    public UUID id() {
        return id;
    }

    public RotationPolicy toPolicy() {
        RotationWindow window = windowStart == null || windowLength == null || windowZone == null ? null
                : new RotationWindow(LocalTime.parse(windowStart), Duration.parse(windowLength),
                        ZoneId.of(windowZone));
        return new RotationPolicy(RotationScope.valueOf(scope), selector, rotator,
                new RotatorParameters(parameters), interval == null ? null : new RotationInterval(interval), window,
                Duration.parse(gracePeriod), Duration.parse(quietPeriod), enabled);
    }
}
