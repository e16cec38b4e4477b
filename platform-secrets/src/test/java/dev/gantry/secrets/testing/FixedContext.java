package dev.gantry.secrets.testing;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A rotation context for testing one rotator on its own: values and other secrets held in memory. */
public final class FixedContext implements RotationContext {

    private final String path;
    private final RotatorParameters parameters;
    private final Map<String, String> secrets = new HashMap<>();
    private String current;
    private String pending;
    private Instant now = Instant.parse("2026-11-22T15:00:00Z");

    public FixedContext(String path, RotatorParameters parameters) {
        this.path = path;
        this.parameters = parameters;
    }

    public FixedContext current(String value) {
        current = value;
        return this;
    }

    public FixedContext pending(String value) {
        pending = value;
        return this;
    }

    public FixedContext secret(String otherPath, String value) {
        secrets.put(otherPath, value);
        return this;
    }

    public FixedContext at(Instant instant) {
        now = instant;
        return this;
    }

    public Map<String, String> secrets() {
        return secrets;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public RotatorParameters parameters() {
        return parameters;
    }

    @Override
    public Optional<SecretValue> current() {
        return Optional.ofNullable(current).map(value -> SecretValue.of(value.toCharArray()));
    }

    @Override
    public Optional<SecretValue> pending() {
        return Optional.ofNullable(pending).map(value -> SecretValue.of(value.toCharArray()));
    }

    @Override
    public SecretValue secret(String otherPath) {
        String value = secrets.get(otherPath);
        if (value == null) {
            throw new dev.gantry.domain.NotFoundException("secret " + otherPath);
        }
        return SecretValue.of(value.toCharArray());
    }

    @Override
    public SecretValue secretOrCreate(String otherPath, Supplier<SecretValue> create) {
        secrets.computeIfAbsent(otherPath, absent -> new String(create.get().chars()));
        return secret(otherPath);
    }

    @Override
    public Instant now() {
        return now;
    }
}
