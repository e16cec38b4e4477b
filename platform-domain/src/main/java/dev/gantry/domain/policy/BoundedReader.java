package dev.gantry.domain.policy;

import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading after a fixed number of characters. SnakeYAML checks its own code point limit only between tokens,
 * so one endless scalar would otherwise be read for as long as the source keeps giving characters.
 */
final class BoundedReader extends Reader {

    static final class LimitExceeded extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LimitExceeded(int limit) {
            super("is longer than " + limit + " characters, the most a policy pack may have", null, false, false);
        }
    }

    private final Reader delegate;
    private final int limit;
    private long read;

    BoundedReader(Reader delegate, int limit) {
        this.delegate = delegate;
        this.limit = limit;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = delegate.read(buffer, offset, (int) Math.min(length, limit - read + 1));
        if (count > 0) {
            read += count;
            if (read > limit) {
                throw new LimitExceeded(limit);
            }
        }
        return count;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
