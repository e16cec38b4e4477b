package dev.gantry.access.internal.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.TreeMap;

/**
 * A JSON array of entry objects. Details are parsed and written again rather than copied, so a stored value
 * that was tampered into invalid JSON cannot break the document or smuggle fields into it.
 */
public final class JsonAuditWriter implements AuditEntryWriter {

    private final Writer out;
    private boolean first = true;

    JsonAuditWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write('[');
    }

    @Override
    public void write(AuditEntryRow row) throws IOException {
        var json = new StringBuilder(256);
        json.append(first ? "\n" : ",\n");
        first = false;
        json.append("{\"seq\":").append(row.seq());
        field(json, "time", AuditChain.format(row.time()));
        field(json, "actor", row.actor());
        field(json, "action", row.action());
        field(json, "target", row.target());
        field(json, "outcome", row.outcome());
        json.append(",\"details\":").append(FlatJson.write(new TreeMap<>(Details.read(row.details()))));
        field(json, "prevHash", row.prevHash());
        field(json, "hash", row.hash());
        json.append('}');
        out.write(json.toString());
    }

    @Override
    public void end() throws IOException {
        out.write(first ? "]\n" : "\n]\n");
        out.flush();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":");
        FlatJson.quote(value, json);
    }
}
