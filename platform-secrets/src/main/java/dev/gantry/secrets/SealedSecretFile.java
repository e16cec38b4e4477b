package dev.gantry.secrets;

import dev.gantry.domain.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A secret sealed for a repository: safe to commit, opened only by the Gantry vault that holds the matching private
 * key, and only for the path it names. The text form:
 *
 * <pre>
 * -----BEGIN GANTRY SEALED SECRET-----
 * Version: 1
 * Key-Id: 3f9a0c1b2d4e5f60
 * Path: payments/api/prod/db-password
 * Enc: &lt;base64 of the 32-byte HPKE encapsulated key&gt;
 * Ciphertext: &lt;base64 of the HPKE ciphertext and tag&gt;
 * -----END GANTRY SEALED SECRET-----
 * </pre>
 *
 * HPKE (RFC 9180) mode base with DHKEM(X25519, HKDF-SHA256), HKDF-SHA256 and AES-256-GCM, info
 * {@code gantry-sealed-secret/v1}, and as associated data the version, key id and path (see
 * {@link #associatedData}), so a file whose path was edited, or that was copied to another path, does not open.
 */
public record SealedSecretFile(String keyId, String path, byte[] enc, byte[] ciphertext) {

    public static final int VERSION = 1;
    public static final String BEGIN = "-----BEGIN GANTRY SEALED SECRET-----";
    public static final String END = "-----END GANTRY SEALED SECRET-----";
    /** Large enough for a 64 KiB value in base64 with its headers. */
    public static final int MAX_CHARS = 100_000;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{16}");
    private static final List<String> FIELDS = List.of("Version", "Key-Id", "Path", "Enc", "Ciphertext");

    public SealedSecretFile {
        enc = enc.clone();
        ciphertext = ciphertext.clone();
    }

    /** HPKE's info: which format and version this is. */
    public static byte[] info() {
        return ("gantry-sealed-secret/v" + VERSION).getBytes(StandardCharsets.UTF_8);
    }

    /** HPKE's associated data: version, key id and path, length-prefixed so no two bindings serialise alike. */
    public byte[] associatedData() {
        StringBuilder out = new StringBuilder("gantry-sealed-secret/v" + VERSION);
        for (String field : new String[] {keyId, path}) {
            out.append('|').append(field.length()).append(':').append(field);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public String format() {
        Base64.Encoder base64 = Base64.getEncoder();
        return BEGIN + "\n"
                + "Version: " + VERSION + "\n"
                + "Key-Id: " + keyId + "\n"
                + "Path: " + path + "\n"
                + "Enc: " + base64.encodeToString(enc) + "\n"
                + "Ciphertext: " + base64.encodeToString(ciphertext) + "\n"
                + END + "\n";
    }

    /**
     * Reads the text form; blank lines and lines starting with {@code #} around the block are ignored.
     *
     * @throws InvalidInputException (field {@code sealed}) naming the line and what is wrong
     */
    public static SealedSecretFile parse(String text) {
        if (text.length() > MAX_CHARS) {
            throw bad(0, "a sealed secret holds at most " + MAX_CHARS + " characters");
        }
        String[] lines = text.split("\r?\n", -1);
        int line = 0;
        while (line < lines.length && ignorable(lines[line])) {
            line++;
        }
        if (line == lines.length || !lines[line].strip().equals(BEGIN)) {
            throw bad(line + 1, "expected " + BEGIN);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        line++;
        for (; line < lines.length && !lines[line].strip().equals(END); line++) {
            String current = lines[line].strip();
            if (current.isEmpty()) {
                continue;
            }
            int colon = current.indexOf(':');
            if (colon < 0) {
                throw bad(line + 1, "expected a field like 'Path: team/service/environment/name'");
            }
            String name = current.substring(0, colon).strip();
            if (!FIELDS.contains(name)) {
                throw bad(line + 1, "unknown field '" + name + "'; expected one of " + String.join(", ", FIELDS));
            }
            if (fields.putIfAbsent(name, current.substring(colon + 1).strip()) != null) {
                throw bad(line + 1, "field '" + name + "' appears twice");
            }
            lineOf.put(name, line + 1);
        }
        if (line == lines.length) {
            throw bad(lines.length, "expected " + END);
        }
        for (int rest = line + 1; rest < lines.length; rest++) {
            if (!ignorable(lines[rest])) {
                throw bad(rest + 1, "nothing may follow " + END);
            }
        }
        for (String name : FIELDS) {
            if (!fields.containsKey(name)) {
                throw bad(line + 1, "the field '" + name + "' is missing");
            }
        }
        if (!Integer.toString(VERSION).equals(fields.get("Version"))) {
            throw bad(lineOf.get("Version"), "version " + fields.get("Version") + " is not supported; this Gantry "
                    + "reads version " + VERSION);
        }
        String keyId = fields.get("Key-Id");
        if (!KEY_ID.matcher(keyId).matches()) {
            throw bad(lineOf.get("Key-Id"), "a key id is 16 lower-case hex digits");
        }
        String path;
        try {
            path = SecretPath.parse(fields.get("Path")).toString();
        } catch (InvalidInputException e) {
            throw bad(lineOf.get("Path"), e.getMessage());
        }
        byte[] enc = base64(fields.get("Enc"), lineOf.get("Enc"));
        byte[] ciphertext = base64(fields.get("Ciphertext"), lineOf.get("Ciphertext"));
        return new SealedSecretFile(keyId, path, enc, ciphertext);
    }

    private static byte[] base64(String value, int line) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw bad(line, "not valid base64");
        }
    }

    private static boolean ignorable(String line) {
        return line.isBlank() || line.strip().startsWith("#");
    }

    private static InvalidInputException bad(int line, String message) {
        return new InvalidInputException("sealed", (line > 0 ? "line " + line + ": " : "") + message);
    }

    @Override
    public String toString() {
        return "SealedSecretFile[keyId=" + keyId + ", path=" + path + "]";
    }
}
