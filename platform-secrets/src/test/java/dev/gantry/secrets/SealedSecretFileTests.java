package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class SealedSecretFileTests {

    private static final SealedSecretFile FILE = new SealedSecretFile("0123456789abcdef",
            "payments/api/prod/db-password", new byte[32], new byte[] {1, 2, 3});

    @Test
    void theTextFormReadsBackAsWritten() {
        String text = FILE.format();

        assertThat(text).startsWith(SealedSecretFile.BEGIN + "\nVersion: 1\nKey-Id: 0123456789abcdef\n"
                + "Path: payments/api/prod/db-password\n");
        SealedSecretFile parsed = SealedSecretFile.parse("# committed by CI\n\n" + text.replace("\n", "\r\n"));
        assertThat(parsed.keyId()).isEqualTo(FILE.keyId());
        assertThat(parsed.path()).isEqualTo(FILE.path());
        assertThat(parsed.enc()).isEqualTo(FILE.enc());
        assertThat(parsed.ciphertext()).isEqualTo(FILE.ciphertext());
    }

    @Test
    void theAssociatedDataBindsKeyIdAndPath() {
        SealedSecretFile moved = new SealedSecretFile(FILE.keyId(), "payments/api/prod/other", FILE.enc(),
                FILE.ciphertext());
        SealedSecretFile rekeyed = new SealedSecretFile("fedcba9876543210", FILE.path(), FILE.enc(),
                FILE.ciphertext());

        assertThat(moved.associatedData()).isNotEqualTo(FILE.associatedData());
        assertThat(rekeyed.associatedData()).isNotEqualTo(FILE.associatedData());
    }

    @Test
    void malformedFilesAreRefusedNamingTheLine() {
        String text = FILE.format();

        assertRefused("hello", "line 1: expected " + SealedSecretFile.BEGIN);
        assertRefused(text.replace("Version: 1", "Version: 2"), "line 2: version 2 is not supported");
        assertRefused(text.replace("Key-Id: 0123456789abcdef", "Key-Id: XYZ"), "line 3: a key id is 16");
        assertRefused(text.replace("payments/api/prod/db-password", "../etc/passwd"), "line 4: ");
        assertRefused(text.replace("Enc: ", "Enc: !!"), "line 5: not valid base64");
        assertRefused(text.replace("Ciphertext: ", "Colour: blue\nCiphertext: "), "line 6: unknown field 'Colour'");
        assertRefused(text.replace("Path: ", "Path: a/b/c/d\nPath: "), "line 5: field 'Path' appears twice");
        assertRefused(text.replace("Enc: " + java.util.Base64.getEncoder().encodeToString(new byte[32]) + "\n", ""),
                "the field 'Enc' is missing");
        assertRefused(text.replace(SealedSecretFile.END, ""), "expected " + SealedSecretFile.END);
        assertRefused(text + "more\n", "line 8: nothing may follow");
    }

    @Test
    void theParsedFileNeverPrintsItsBytes() {
        assertThat(FILE.toString()).isEqualTo("SealedSecretFile[keyId=0123456789abcdef, path=payments/api/prod/db-password]");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> SealedSecretFile.parse(text)).as(message)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("sealed");
    }
}
