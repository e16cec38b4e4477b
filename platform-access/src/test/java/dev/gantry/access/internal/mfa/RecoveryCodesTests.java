package dev.gantry.access.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryCodesTests {

    @TempDir
    Path keys;

    @Test
    void tenDistinctCodesOfFiftyBitsEachAreIssued() {
        RecoveryCodes recoveryCodes = new RecoveryCodes(new MfaKeyring(keys));
        List<String> codes = recoveryCodes.generate();

        assertThat(codes).hasSize(10).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"));
        // 10 characters drawn from 32 symbols (none of i, l, o, u) make 50 bits.
        Set<Character> symbolsSeen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            recoveryCodes.generate().forEach(code -> code.replace("-", "").chars().forEach(c -> symbolsSeen.add((char) c)));
        }
        assertThat(symbolsSeen).hasSize(32).doesNotContain('i', 'l', 'o', 'u');
    }

    @Test
    void typedCodesAreNormalisedAsPeopleCopyThemFromPaper() {
        assertThat(RecoveryCodes.normalise("ab3de-fg7hj")).contains("ab3defg7hj");
        assertThat(RecoveryCodes.normalise(" AB3DE FG7HJ ")).contains("ab3defg7hj");
        assertThat(RecoveryCodes.normalise("ab3defg7hj")).contains("ab3defg7hj");
        assertThat(RecoveryCodes.normalise("OIL00-11abc")).contains("0110011abc");
    }

    @Test
    void textThatCannotBeACodeIsRejectedBeforeHashing() {
        assertThat(RecoveryCodes.normalise("ab3de-fg7h")).isEmpty();
        assertThat(RecoveryCodes.normalise("ab3de-fg7hjk")).isEmpty();
        assertThat(RecoveryCodes.normalise("ab3de-fg7h!")).isEmpty();
        assertThat(RecoveryCodes.normalise("ab3de-fg7hu")).isEmpty();
        assertThat(RecoveryCodes.normalise("")).isEmpty();
    }

    @Test
    void theSameCodeHashesDifferentlyForAnotherUserAndUnderAnotherKey() {
        RecoveryCodes codes = new RecoveryCodes(new MfaKeyring(keys.resolve("one")));
        RecoveryCodes otherKey = new RecoveryCodes(new MfaKeyring(keys.resolve("two")));

        assertThat(codes.hash("alice", "ab3de-fg7hj")).isEqualTo(codes.hash("alice", "AB3DEFG7HJ"));
        assertThat(codes.hash("alice", "ab3de-fg7hj")).isNotEqualTo(codes.hash("bob", "ab3de-fg7hj"));
        assertThat(codes.hash("alice", "ab3de-fg7hj")).isNotEqualTo(otherKey.hash("alice", "ab3de-fg7hj"));
        assertThat(codes.hash("alice", "ab3de-fg7hj")).get(InstanceOfAssertFactories.STRING)
                .hasSize(64).doesNotContain("ab3de");
    }
}
