package dev.gantry.secrets.internal.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeakRulesTests {

    @Test
    void commonTokenFormatsAreRecognisedByTheirRule() {
        assertThat(rules("aws_access_key_id = AKIAIOSFODNN7ABCDEFG")).contains("aws-access-key-id");
        assertThat(rules("token: ghp_" + "a1B2c3D4e5".repeat(4).substring(0, 36))).contains("github-token");
        assertThat(rules("-----BEGIN RSA PRIVATE KEY-----")).containsExactly("private-key");
        assertThat(rules("-----BEGIN OPENSSH PRIVATE KEY-----")).containsExactly("private-key");
        assertThat(rules("export GANTRY_TOKEN=gty_" + "Zx9-_Qw8".repeat(6))).contains("gantry-api-token");
        assertThat(rules("vault: gvt_" + "Ab3dEf6h".repeat(5))).contains("gantry-vault-token");
        assertThat(rules("SLACK=xoxb-1234567890-abcdefghij")).contains("slack-token");
    }

    @Test
    void passwordAndSecretAssignmentsAreRecognisedButPlaceholdersAndReferencesAreNot() {
        assertThat(rules("db.password=hunter2hunter2")).containsExactly("generic-secret-assignment");
        assertThat(rules("\"client_secret\": \"s3cr3t-value-x\"")).containsExactly("generic-secret-assignment");
        assertThat(rules("secret = ${VAULT_SECRET}")).isEmpty();
        assertThat(rules("password=changeme-later")).isEmpty();
        assertThat(rules("password = os.getenv(\"DB_PASSWORD\")")).isEmpty();
        assertThat(rules("password=short")).isEmpty();
    }

    @Test
    void randomKeysAreFoundByEntropyAndOrdinaryTextIsNot() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        while (!key.chars().anyMatch(Character::isDigit)) {
            new SecureRandom().nextBytes(random);
            key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        assertThat(rules("signing: " + key)).containsExactly(LeakRules.HIGH_ENTROPY);
        assertThat(rules("import org.springframework.boot.autoconfigure.SpringBootApplication;")).isEmpty();
        assertThat(rules("the quick brown fox jumps over the lazy dog again and again")).isEmpty();
        assertThat(rules("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1a")).isEmpty();
        assertThat(LeakRules.entropy("aaaa")).isZero();
        assertThat(LeakRules.entropy("abcd")).isEqualTo(2.0);
    }

    @Test
    void aPreviewShowsAtMostFourCharactersAndNeverMoreThanAQuarter() {
        assertThat(Redaction.preview("AKIAIOSFODNN7ABCDEFG")).isEqualTo("AKIA\u2026 (20 chars)");
        assertThat(Redaction.preview("hunter22")).isEqualTo("hu\u2026 (8 chars)");
        assertThat(Redaction.preview("abc")).isEqualTo("\u2026 (3 chars)");
    }

    @Test
    void managedCandidatesIncludeQuotedValuesAssignmentsAndWords() {
        String line = "  DB_PASSWORD: \"Tr0ub4dor&3 horse\", other=plainword12;";

        List<String> candidates = ManagedCandidates.of(line).stream()
                .map(span -> line.substring(span.start(), span.end())).toList();

        assertThat(candidates).contains("Tr0ub4dor&3 horse", "plainword12", "DB_PASSWORD");
    }

    private static List<String> rules(String line) {
        return LeakRules.scan(line).stream().map(LeakRules.Match::rule).toList();
    }
}
