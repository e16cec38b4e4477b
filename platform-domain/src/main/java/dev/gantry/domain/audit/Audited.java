package dev.gantry.domain.audit;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link AuditedChange} did: a value for its caller and the entries that account for it, or a refusal
 * (its change undone) whose entries are stored all the same, such as a denial.
 */
public final class Audited<T> {

    private final @Nullable T value;
    private final @Nullable RuntimeException refusal;
    private final List<AuditRecord> entries;

    private Audited(@Nullable T value, @Nullable RuntimeException refusal, List<AuditRecord> entries) {
        this.value = value;
        this.refusal = refusal;
        this.entries = List.copyOf(entries);
    }

    /** The change stands; {@code entries} are stored with it. */
    public static <T> Audited<T> done(@Nullable T value, AuditRecord... entries) {
        return new Audited<>(value, null, List.of(entries));
    }

    /** The change is undone, {@code entries} are stored anyway, and the caller gets {@code refusal}. */
    public static <T> Audited<T> refused(RuntimeException refusal, AuditRecord... entries) {
        return new Audited<>(null, Objects.requireNonNull(refusal, "refusal"), List.of(entries));
    }

    public List<AuditRecord> entries() {
        return entries;
    }

    public @Nullable RuntimeException refusal() {
        return refusal;
    }

    /** The value; the refusal thrown if it was refused. */
    public @Nullable T valueOrThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return value;
    }
}
