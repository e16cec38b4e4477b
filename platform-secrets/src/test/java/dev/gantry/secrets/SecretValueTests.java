package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretValueTests {

    @Test
    void theValueNeverPrints() {
        SecretValue value = SecretValue.of("hunter2-canary".toCharArray());

        assertThat(value.toString()).doesNotContain("hunter2");
        assertThat(new SecretRead("a/b/c/d", 1, value, java.time.Instant.EPOCH).toString()).doesNotContain("hunter2");
    }

    @Test
    void aValueSurvivesTheTripThroughUtf8AndTheCallersArrayCanBeWiped() {
        char[] typed = "pässwörd-✓".toCharArray();
        SecretValue value = SecretValue.of(typed);
        java.util.Arrays.fill(typed, '\0');

        assertThat(SecretValue.fromUtf8(value.utf8()).chars()).containsExactly("pässwörd-✓".toCharArray());
        assertThat(value.sameAs(SecretValue.of("pässwörd-✓".toCharArray()))).isTrue();
        assertThat(value.sameAs(SecretValue.of("password".toCharArray()))).isFalse();
    }

    @Test
    void wipingClearsTheValue() {
        SecretValue value = SecretValue.of("gone".toCharArray());

        value.wipe();

        assertThat(value.chars()).containsOnly('\0');
    }
}
