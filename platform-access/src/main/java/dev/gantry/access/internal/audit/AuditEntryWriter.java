package dev.gantry.access.internal.audit;

import java.io.IOException;
import java.io.Writer;

/** Writes exported entries one at a time, so an export of any size needs the memory of one entry. */
public sealed interface AuditEntryWriter permits CsvAuditWriter, JsonAuditWriter {

    void begin() throws IOException;

    void write(AuditEntryRow row) throws IOException;

    /** Finishes the document and flushes; never closes the caller's stream. */
    void end() throws IOException;

    static AuditEntryWriter csv(Writer out) {
        return new CsvAuditWriter(out);
    }

    static AuditEntryWriter json(Writer out) {
        return new JsonAuditWriter(out);
    }
}
