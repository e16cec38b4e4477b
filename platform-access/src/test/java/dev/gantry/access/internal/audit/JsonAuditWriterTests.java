package dev.gantry.access.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonAuditWriterTests {

    private static final Instant TIME = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void anEmptyExportIsAnEmptyArray() throws Exception {
        var out = new StringWriter();
        var writer = AuditEntryWriter.json(out);
        writer.begin();
        writer.end();

        assertThat((List<?>) JsonPath.read(out.toString(), "$")).isEmpty();
    }

    @Test
    void hostileTextComesOutAsTheSameTextInValidJson() throws Exception {
        var actor = "alice\", \"admin\": true, \"x\": \"";
        var target = "line\nbreak\\ and \u0001 and \u2028 and </script>";
        var out = new StringWriter();
        var writer = AuditEntryWriter.json(out);

        writer.begin();
        writer.write(row(1, actor, target, "{\"k\\\"ey\":\"va\\nlue\"}"));
        writer.write(row(2, "bob", "user:bob", "{}"));
        writer.end();

        var json = out.toString();
        assertThat((List<?>) JsonPath.read(json, "$")).hasSize(2);
        assertThat((String) JsonPath.read(json, "$[0].actor")).isEqualTo(actor);
        assertThat((String) JsonPath.read(json, "$[0].target")).isEqualTo(target);
        assertThat((Map<?, ?>) JsonPath.read(json, "$[0].details")).isEqualTo(Map.of("k\"ey", "va\nlue"));
        assertThat((Map<String, Object>) JsonPath.read(json, "$[0]")).doesNotContainKey("admin");
        assertThat((Integer) JsonPath.read(json, "$[1].seq")).isEqualTo(2);
    }

    @Test
    void storedDetailsThatAreNotJsonAreExportedAsText() throws Exception {
        var out = new StringWriter();
        var writer = AuditEntryWriter.json(out);

        writer.begin();
        writer.write(row(1, "alice", "user:a", "{\"a\":\"1\"}, \"injected\": {"));
        writer.end();

        assertThat((String) JsonPath.read(out.toString(), "$[0].details.unreadable"))
                .isEqualTo("{\"a\":\"1\"}, \"injected\": {");
    }

    private static AuditEntryRow row(long seq, String actor, String target, String details) {
        return new AuditEntryRow(seq, TIME, actor, "user.created", target, "SUCCESS", details, "0".repeat(64),
                "f".repeat(64));
    }
}
