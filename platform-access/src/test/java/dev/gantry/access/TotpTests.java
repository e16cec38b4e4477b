package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTests {

    private static final byte[] RFC_6238_SHA1_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest(name = "at {0} s the code is {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void codesMatchTheSha1TestVectorsOfRfc6238(long epochSeconds, String expected) {
        long step = Totp.step(Instant.ofEpochSecond(epochSeconds));

        assertThat(Totp.code(RFC_6238_SHA1_SECRET, step, 8)).isEqualTo(expected);
    }

    @Test
    void authenticatorCodesHaveSixDigitsWithLeadingZerosKept() {
        // At 1111111109 s the 8-digit code is 07081804, so the 6-digit one is 081804.
        assertThat(Totp.codeAt(RFC_6238_SHA1_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
    }

    @Test
    void aStepLastsThirtySeconds() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
    }

    @ParameterizedTest(name = "\"{0}\" encodes as \"{1}\"")
    @CsvSource(value = {
            "'', ''",
            "f, MY======",
            "fo, MZXQ====",
            "foo, MZXW6===",
            "foob, MZXW6YQ=",
            "fooba, MZXW6YTB",
            "foobar, MZXW6YTBOI======"})
    void base32MatchesTheTestVectorsOfRfc4648(String plain, String encoded) {
        byte[] bytes = plain.getBytes(StandardCharsets.US_ASCII);

        assertThat(Totp.base32Encode(bytes)).isEqualTo(encoded);
        assertThat(Totp.base32Decode(encoded)).isEqualTo(bytes);
    }

    @Test
    void base32IsReadWithoutPaddingInAnyCaseAndWithSpaces() {
        assertThat(Totp.base32Decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void base32RefusesCharactersOutsideItsAlphabetWithoutEchoingTheInput() {
        assertThatThrownBy(() -> Totp.base32Decode("MZXW1SECRET"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 4")
                .hasMessageNotContaining("SECRET");
    }
}
