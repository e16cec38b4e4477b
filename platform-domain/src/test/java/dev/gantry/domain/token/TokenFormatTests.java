package dev.gantry.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenFormatTests {

    private final TokenFormat format = new TokenFormat("gty_");

    @Test
    void aTokenIsThePrefixAnd256RandomBitsInBase64Url() {
        String value = format.newValue();

        assertThat(value).startsWith("gty_").hasSize(47).matches("gty_[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(value.substring(4))).hasSize(32);
        assertThat(format.wellFormed(value)).isTrue();
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            assertThat(seen.add(format.newValue())).isTrue();
        }
    }

    @Test
    void textOfTheWrongShapeIsNotAToken() {
        String value = format.newValue();

        assertThat(format.wellFormed("")).isFalse();
        assertThat(format.wellFormed("gty_")).isFalse();
        assertThat(format.wellFormed("Bearer " + value)).isFalse();
        assertThat(format.wellFormed(value.substring(0, 46))).isFalse();
        assertThat(format.wellFormed("gtx_" + value.substring(4))).isFalse();
        assertThat(format.wellFormed(value.substring(0, 46) + "=")).isFalse();
        assertThat(format.wellFormed(value.substring(0, 46) + "+")).isFalse();
    }

    @Test
    void aTokenOfAnotherKindIsNotWellFormedForThisOne() {
        String vaultToken = new TokenFormat("gvt_").newValue();

        assertThat(format.wellFormed(vaultToken)).isFalse();
        assertThat(format.wellFormed("gty_" + vaultToken.substring(4))).isTrue();
    }

    @Test
    void theStoredDigestIsTheSha256OfTheWholeValueInHex() {
        // SHA-256("abc") from FIPS 180-2.
        assertThat(format.hexDigest("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void aPresentedTokenMatchesOnlyItsOwnStoredDigestAndNeverACorruptOne() {
        String value = format.newValue();
        String stored = format.hexDigest(value);

        assertThat(format.matches(format.digest(value), stored)).isTrue();
        assertThat(format.matches(format.digest(format.newValue()), stored)).isFalse();
        assertThat(format.matches(format.digest(value), "not hex")).isFalse();
        assertThat(format.matches(format.digest(value), stored.substring(2))).isFalse();
    }

    @Test
    void theDisplayPrefixIsTheFirstCharactersAfterThePrefix() {
        String value = format.newValue();

        assertThat(format.displayPrefix(value, 8)).isEqualTo(value.substring(4, 12));
    }

    @Test
    void aPrefixIsAShortLowerCaseWordAndAnUnderscore() {
        assertThatThrownBy(() -> new TokenFormat("GTY")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TokenFormat("gvt_").prefix()).isEqualTo("gvt_");
    }
}
