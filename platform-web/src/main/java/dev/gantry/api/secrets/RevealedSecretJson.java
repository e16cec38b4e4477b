package dev.gantry.api.secrets;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.gantry.secrets.SecretRead;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

/**
 * Writes a secret as read straight from its characters to the response, so the value never becomes a
 * {@link String} that outlives the request, and tells every cache and proxy not to keep it.
 */
final class RevealedSecretJson {

    /** The shape written, for the API description; never instantiated. */
    record Document(String path, long version, Instant createdAt, String value) {
    }

    private RevealedSecretJson() {
    }

    static void write(SecretRead read, HttpServletResponse response) throws IOException {
        noStore(response);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        char[] value = read.value().chars();
        try {
            Writer out = response.getWriter();
            out.write("{\"path\":");
            string(out, read.path().toCharArray());
            out.write(",\"version\":" + read.version() + ",\"createdAt\":\"" + read.createdAt() + "\",\"value\":");
            string(out, value);
            out.write('}');
            out.flush();
        } finally {
            java.util.Arrays.fill(value, '\0');
            read.value().wipe();
        }
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped, everything else as is. */
    static void string(Writer out, char[] chars) throws IOException {
        out.write('"');
        for (char c : chars) {
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }
}
