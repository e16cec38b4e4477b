package dev.gantry.domain.policy;

import java.io.Serializable;

/**
 * One thing wrong with a pack, pointing at where to fix it.
 *
 * @param line   1-based; 0 when the problem has no position (the file could not be read at all)
 * @param column 1-based; 0 when unknown
 * @param field  path of the offending field, e.g. {@code rules[3].params.min}; empty for the document as a whole
 */
public record PolicyProblem(String source, int line, int column, String field, String message)
        implements Serializable {

    /** For example {@code acme.yaml:12:7: rules[2].params.min: must be >= 0}. */
    @Override
    public String toString() {
        String position = line > 0 ? source + ":" + line + ":" + column : source;
        return position + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
