package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvAuditWriterTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "=HYPERLINK(\"http://evil\")|~\"'=HYPERLINK(\"\"http://evil\"\")\"~",
            "+1+2|'+1+2",
            "-2+3|'-2+3",
            "@SUM(A1:A9)|'@SUM(A1:A9)",
            "=1,2|~\"'=1,2\"~"})
    void cellsThatASpreadsheetWouldRunAreDefused(String value, String expected) {
        assertThat(CsvAuditWriter.cell(value)).isEqualTo(expected);
    }

    @Test
    void cellsStartingWithTabOrCarriageReturnAreDefused() {
        assertThat(CsvAuditWriter.cell("\t=cmd")).isEqualTo("'\t=cmd");
        assertThat(CsvAuditWriter.cell("\r=cmd")).isEqualTo("\"'\r=cmd\"");
    }

    @Test
    void ordinaryCellsAreLeftAlone() {
        assertThat(CsvAuditWriter.cell("user:alice")).isEqualTo("user:alice");
        assertThat(CsvAuditWriter.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvAuditWriter.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvAuditWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvAuditWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvAuditWriter.cell("one\ntwo")).isEqualTo("\"one\ntwo\"");
    }

    @Test
    void anExportIsAHeaderAndOneCrlfLinePerEntry() throws Exception {
        var out = new StringWriter();
        var writer = AuditEntryWriter.csv(out);

        writer.begin();
        writer.write(new AuditEntryRow(7, Instant.parse("2026-11-22T12:00:00Z"), "=evil", "user.created", "user:a,b",
                "SUCCESS", "{\"team\":\"ops\"}", "0".repeat(64), "f".repeat(64)));
        writer.end();

        assertThat(out.toString()).isEqualTo(CsvAuditWriter.HEADER + "\r\n"
                + "7,2026-11-22T12:00:00.000000Z,'=evil,user.created,\"user:a,b\",SUCCESS,"
                + "\"{\"\"team\"\":\"\"ops\"\"}\","
                + "0".repeat(64) + "," + "f".repeat(64) + "\r\n");
    }
}
