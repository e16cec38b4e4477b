package dev.gantry.access.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenValuesTests {

    private final TokenValues values = new TokenValues();

    @Test
    void aTokenIsThePrefixAnd256RandomBitsInBase64Url() {
        String value = values.newValue();

        assertThat(value).startsWith("gty_").hasSize(47).matches("gty_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(value.substring(4))).hasSize(32);
        assertThat(values.wellFormed(value)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(values.newValue())).isTrue();
        }
    }

    @Test
    void textOfTheWrongShapeIsNotAToken() {
        String value = values.newValue();

        assertThat(values.wellFormed("")).isFalse();
        assertThat(values.wellFormed("gty_")).isFalse();
        assertThat(values.wellFormed("Bearer " + value)).isFalse();
        assertThat(values.wellFormed(value.substring(0, 46))).isFalse();
        assertThat(values.wellFormed("gtx_" + value.substring(4))).isFalse();
        assertThat(values.wellFormed(value.substring(0, 46) + "="))
                .isFalse();
        assertThat(values.wellFormed(value.substring(0, 46) + "+")).isFalse();
    }

    @Test
    void theDisplayPrefixIsTheFirstEightCharactersAfterGty() {
        String value = values.newValue();

        assertThat(values.displayPrefix(value)).isEqualTo(value.substring(4, 12));
    }

    @Test
    void theStoredDigestIsTheSha256OfTheWholeValueInHex() {
        // SHA-256("abc") from FIPS 180-2.
        assertThat(values.hexDigest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
