package dev.gantry.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.gantry.access.AccountKind;
import dev.gantry.access.NewUser;
import dev.gantry.access.TeamManagement;
import dev.gantry.access.UserManagement;
import dev.gantry.domain.Role;
import dev.gantry.testing.ApiCaller;
import dev.gantry.testing.Browser;
import dev.gantry.testing.GantryUserSecurityContextFactory;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A vault that unseals with shares, from its first start to a rotated secret, in a real headless Chromium: a
 * secrets administrator initialises it and unseals it with two of three shares in the seal view, creates a
 * secret and a vault token for a script, the script reads the secret over the REST API with that token, the
 * administrator gives it a password rotation policy and rotates it now, sees the new CURRENT version and the
 * timeline, the script reads the new value, and the rotation is in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretRotationJourneyTests {

    private static final String PATH = "payments/checkout-api/staging/db-password";
    private static final String CHOSEN = "lock and share 2026 for the vault";

    @DynamicPropertySource
    static void shamirInstallation(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "journey-secrets");
        registry.add("gantry.secrets.unseal.mode", () -> "shamir");
    }

    @LocalServerPort int port;
    @Autowired UserManagement users;
    @Autowired TeamManagement teams;

    @Test
    void aSecretsAdministratorUnsealsWithSharesCreatesReadsAndRotatesASecret() throws Exception {
        String oneTime = keeperAccount();
        ApiCaller api = new ApiCaller(port);
        try (Browser browser = Browser.start()) {
            String base = "http://localhost:" + port;
            // The active policy pack asks secrets administrators for a second factor too.
            browser.signInForTheFirstTime(base, "keeper", oneTime, CHOSEN);

            browser.open(base + "/secrets/seal");
            browser.waitForText("Initialise");
            browser.find("#init-shares input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
            browser.find("#init-threshold input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "2");
            browser.click("#initialise-vault");
            List<String> shares = browser.find("#one-time-secret").getText().lines().toList();
            assertThat(shares).hasSize(3);
            browser.screenshot("secrets-01-shares-shown-once");
            browser.click("#one-time-secret-stored");
            enterShare(browser, shares.get(0));
            browser.waitForText("1 of 2 shares entered");
            enterShare(browser, shares.get(2));
            browser.waitForText("Rotate root key");
            browser.screenshot("secrets-02-unsealed");

            browser.open(base + "/secrets");
            browser.click("#new-secret");
            browser.type("#secret-path", PATH);
            browser.find("#secret-value textarea").sendKeys("first-value-by-hand");
            browser.click("#save-secret");
            browser.waitForText("Written " + PATH);

            browser.open(base + "/secrets/tokens");
            browser.click("#new-vault-token");
            browser.type("#token-name", "ci-deploy");
            browser.find("#token-policies input").sendKeys("secrets-admin");
            browser.find("vaadin-multi-select-combo-box-item").click();
            browser.find("#token-policies input").sendKeys(Keys.ESCAPE);
            browser.screenshot("secrets-03-new-vault-token");
            browser.find("#token-ttl input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "PT1H");
            browser.click("#create-token");
            String apiToken = browser.find("#one-time-secret").getText().strip();
            assertThat(apiToken).startsWith("gvt_");
            browser.screenshot("secrets-04-vault-token-shown-once");
            browser.click("#one-time-secret-stored");

            ApiCaller.Answer first = api.get("/api/v1/secrets/data/" + PATH, apiToken);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().get("value").asText()).isEqualTo("first-value-by-hand");
            assertThat(first.json().get("version").asLong()).isEqualTo(1);

            browser.open(base + "/secrets?path=" + PATH);
            browser.click("#edit-rotation-policy");
            browser.find("#policy-rotator input").sendKeys(Keys.chord(Keys.CONTROL, "a"), "password", Keys.ENTER);
            browser.find("#policy-parameters textarea").sendKeys("length=32");
            browser.click("#save-rotation-policy");
            browser.waitForText("Rotation policy saved for " + PATH);
            browser.click("#rotate-now");
            browser.waitForText("Rotated " + PATH + " to version 2");
            browser.waitForText("Rotated to v2 (now CURRENT)");
            browser.screenshot("secrets-05-rotated-timeline");
            String details = browser.find("#secret-details").getText();
            assertThat(details).contains("CURRENT").contains("PREVIOUS").contains("Version v1 written");

            ApiCaller.Answer rotated = api.get("/api/v1/secrets/data/" + PATH, apiToken);
            assertThat(rotated.json().get("version").asLong()).isEqualTo(2);
            assertThat(rotated.json().get("value").asText()).hasSize(32).isNotEqualTo("first-value-by-hand");

            browser.open(base + "/audit");
            browser.waitForText("Target contains");
            browser.driver().findElement(By.xpath("//vaadin-text-field[label[normalize-space()='Target contains']]"
                    + "//input")).sendKeys(PATH, Keys.TAB);
            browser.waitForText("secret.rotation.finished");
            String audit = browser.pageText();
            assertThat(audit).contains("secret.written", "secret.rotation.policy-set", "secret.rotation.created",
                    "secret.rotation.finished", "secret.read");
            assertThat(audit).doesNotContain("first-value-by-hand");
            browser.screenshot("secrets-06-audit");
        }
    }


    private static void enterShare(Browser browser, String share) {
        browser.find("#unseal-share input").sendKeys(share);
        browser.click("#submit-share");
    }

    /** A person holding SECRETS_ADMIN and AUDITOR; returns their one-time password. */
    private String keeperAccount() {
        SecurityContextHolder.setContext(GantryUserSecurityContextFactory.contextFor("journey-admin",
                List.of(Role.ADMIN)));
        try {
            String oneTime = users.create(new NewUser("keeper", "Kim Keeper", null, AccountKind.PERSON))
                    .oneTimePassword();
            teams.grant("keeper", Role.SECRETS_ADMIN, null);
            teams.grant("keeper", Role.AUDITOR, null);
            return oneTime;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
