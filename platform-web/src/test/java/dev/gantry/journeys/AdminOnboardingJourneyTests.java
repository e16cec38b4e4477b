package dev.gantry.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.gantry.access.Totp;
import dev.gantry.testing.Browser;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first hour of a new installation, in a real headless Chromium: the bootstrap admin signs in with the
 * one-time password, chooses a password, enrols an authenticator (the code computed here from the secret on the
 * page), creates a team and a user, grants a role, and finds all of it in the audit trail, which verifies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminOnboardingJourneyTests {

    private static final String ONE_TIME = "first-start-Pass-2026";
    private static final String CHOSEN = "correct horse battery staple 42";

    @DynamicPropertySource
    static void freshInstallation(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "journey");
        registry.add("GANTRY_ADMIN_PASSWORD", () -> ONE_TIME);
    }

    @LocalServerPort int port;

    @Test
    void theBootstrapAdminOnboardsATeamAndTheAuditTrailShowsAndVerifiesIt() throws Exception {
        try (Browser browser = Browser.start()) {
            String base = "http://localhost:" + port;
            browser.open(base + "/");
            browser.waitForPath("/login");
            browser.type("vaadin-login-form vaadin-text-field", "admin");
            browser.type("vaadin-login-form vaadin-password-field", ONE_TIME);
            browser.click("vaadin-login-form vaadin-button[slot=submit]");

            browser.waitForPath("/change-password");
            browser.screenshot("01-change-password");
            browser.type("#current-password", ONE_TIME);
            browser.type("#new-password", CHOSEN);
            browser.type("#repeat-password", CHOSEN);
            browser.click("#change-password");

            browser.waitForPath("/mfa/enrol");
            String secret = browser.find("#totp-secret").getText().strip();
            browser.screenshot("02-mfa-enrolment");
            browser.type("#totp-code", Totp.codeAt(Totp.base32Decode(secret), Instant.now()));
            browser.click("#confirm-totp");
            String recoveryCodes = browser.find("#recovery-codes").getText();
            assertThat(recoveryCodes.lines().filter(l -> !l.isBlank())).hasSize(10);
            browser.click("#recovery-codes-stored");

            browser.waitForPath("/");
            browser.waitForText("My teams");
            browser.screenshot("03-home");

            browser.open(base + "/admin/teams");
            browser.click("#new-team");
            browser.type("#team-slug", "payments");
            browser.type("#team-name", "Payments");
            browser.click("#create-team");
            browser.waitForText("Team Payments created");

            browser.open(base + "/admin/users");
            browser.click("#new-user");
            browser.type("#user-username", "alice");
            browser.type("#user-display-name", "Alice Martins");
            browser.click("#create-user");
            assertThat(browser.find("#one-time-secret").getText()).hasSize(20);
            browser.screenshot("04-user-created");
            browser.waitForText("I have stored it");
            browser.driver().findElement(org.openqa.selenium.By.xpath("//vaadin-button[contains(., 'I have stored it')]"))
                    .click();

            browser.click("#roles-alice");
            browser.type("#grant-role", "RELEASE_MANAGER");
            browser.click("#grant-role-button");
            browser.waitForText("Granted RELEASE_MANAGER (global)");

            browser.open(base + "/audit");
            browser.waitForText("role.granted");
            String audit = browser.pageText();
            assertThat(audit).contains("team.created", "team:payments", "user.created", "user:alice",
                    "role.granted", "mfa.enrolled", "user.password.changed");
            browser.click("#verify-chain");
            browser.waitForText("Intact:");
            browser.screenshot("05-audit-verified");
            assertThat(browser.find("#verification-result").getText()).startsWith("Intact:");
        }
    }
}
