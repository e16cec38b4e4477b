package dev.gantry.access.internal.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV (CRLF, quotes doubled) that a spreadsheet opens as text: a cell that would start with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with {@code '}, since actors, targets and
 * details come from users and must never run as a formula on an auditor's machine.
 */
public final class CsvAuditWriter implements AuditEntryWriter {

    static final String HEADER = "seq,time,actor,action,target,outcome,details,prev_hash,hash";

    private final Writer out;

    CsvAuditWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    @Override
    public void write(AuditEntryRow row) throws IOException {
        out.write(Long.toString(row.seq()));
        out.write(',');
        out.write(AuditChain.format(row.time()));
        for (var text : new String[] {row.actor(), row.action(), row.target(), row.outcome(), row.details()}) {
            out.write(',');
            out.write(cell(text));
        }
        out.write(',');
        out.write(cell(row.prevHash()));
        out.write(',');
        out.write(cell(row.hash()));
        out.write("\r\n");
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    static String cell(String value) {
        var safe = startsLikeFormula(value) ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static boolean startsLikeFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
