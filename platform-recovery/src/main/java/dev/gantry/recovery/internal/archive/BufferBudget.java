package dev.gantry.recovery.internal.archive;

/**
 * Every buffer the archive code allocates goes through here, so tests can prove memory stays bounded by the
 * chunk size whatever the archive size.
 */
public final class BufferBudget {

    private long allocatedBytes;
    private int allocations;

    byte[] allocate(int size) {
        allocatedBytes += size;
        allocations++;
        return new byte[size];
    }

    public long allocatedBytes() {
        return allocatedBytes;
    }

    public int allocations() {
        return allocations;
    }
}
