package dev.gantry.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecretsStayOutOfToStringTests {

    @Test
    void anEnrolmentPrintsNeitherItsSecretNorItsUri() {
        TotpEnrolment enrolment = new TotpEnrolment("alice", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
                "otpauth://totp/Gantry:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Gantry");

        assertThat(enrolment.toString()).contains("alice").doesNotContain("JBSWY3DP").doesNotContain("otpauth");
    }

    @Test
    void aCreatedTokenPrintsEverythingButItsValue() {
        CreatedToken token = new CreatedToken(UUID.randomUUID(), "alice", "ci", "gty_secretpartofthetokenvalue",
                Set.of(ApiScope.CATALOG_READ), Instant.EPOCH);

        assertThat(token.toString()).contains("alice", "ci", "catalog:read").doesNotContain("secretpart");
    }
}
