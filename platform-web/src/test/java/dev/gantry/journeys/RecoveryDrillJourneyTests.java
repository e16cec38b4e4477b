package dev.gantry.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.gantry.config.RecoveryDefaults;
import dev.gantry.testing.Browser;
import dev.gantry.testing.TestDataDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Proving Gantry can be restored, in a real headless Chromium: the administrator creates a backup plan for
 * Gantry's own database, runs a backup, creates a drill and runs it, and sees it PASS with the RTO and RPO it
 * achieved drawn against the objectives. Then the stored archive is damaged (one byte flipped in every copy) and
 * the next drill FAILS, saying why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecoveryDrillJourneyTests {

    private static final String ONE_TIME = "first-start-Pass-2026";
    private static final String CHOSEN = "restore drills prove backups 7";

    @DynamicPropertySource
    static void freshInstallation(DynamicPropertyRegistry registry) {
        TestDataDirectory.register(registry, "recovery-journey");
        registry.add("GANTRY_ADMIN_PASSWORD", () -> ONE_TIME);
    }

    @LocalServerPort int port;
    @Autowired RecoveryDefaults defaults;

    @Test
    void anAdminBacksUpGantryDrillsItPassesThenADamagedArchiveFailsTheNextDrill() throws Exception {
        try (Browser browser = Browser.start()) {
            String base = "http://localhost:" + port;
            browser.signInForTheFirstTime(base, "admin", ONE_TIME, CHOSEN);

            browser.open(base + "/recovery");
            browser.click("#new-backup-plan");
            browser.find("#plan-name input");
            browser.type("#plan-name", "gantry-database");
            WebElement service = browser.find("#plan-service input");
            service.click();
            service.sendKeys("Gantry");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("vaadin-combo-box-item")).isEmpty());
            service.sendKeys(Keys.ARROW_DOWN);
            service.sendKeys(Keys.ENTER);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> "Gantry (gantry)".equals(service.getDomProperty("value")));
            browser.screenshot("recovery-01-plan-editor");
            browser.click("#save-plan");
            browser.waitForText("Backup plan gantry-database saved");
            browser.waitForText("Backs up Gantry");

            browser.click("#run-backup");
            browser.waitForText("read back ✓");
            browser.screenshot("recovery-02-backup-catalog");
            assertThat(browser.pageText()).contains("SUCCEEDED", "2 of 2");

            browser.click("#new-drill-for-plan");
            browser.waitForText("New drill plan");
            browser.click("#save-drill-plan");
            browser.waitForText("Drill plan gantry-database-drill saved");
            browser.waitForText("Restores backups of");

            browser.click("#run-drill");
            browser.waitForText("restored and checked in");
            assertThat(browser.pageText()).contains("PASSED");
            assertThat(browser.driver().findElements(By.cssSelector("#rto-chart svg circle.drill"))).hasSize(1);
            assertThat(browser.driver().findElements(By.cssSelector("#rpo-chart svg circle.drill"))).hasSize(1);
            assertThat(browser.find("#rto-chart").getText()).contains("objective 4 h", "latest:");
            assertThat(browser.find("#rpo-chart").getText()).contains("objective 24 h", "latest:");
            scrollTo(browser, "#drill-charts");
            browser.screenshot("recovery-03-drill-passed");

            List<Path> copies = flipAByteInEveryArchive();
            assertThat(copies).hasSize(2);

            scrollTo(browser, "#run-drill");
            browser.click("#run-drill");
            browser.waitForText("FAILED");
            browser.waitForText("failed authentication");
            assertThat(browser.driver().findElements(By.cssSelector("#rto-chart svg g.failed line")))
                    .as("the failed drill is a cross on the RTO chart").hasSize(2);
            scrollTo(browser, "#drill-charts");
            browser.screenshot("recovery-04-drill-failed");

            browser.open(base + "/recovery");
            browser.waitForText("Compliance per service");
            assertThat(browser.pageText()).contains("Gantry", "drill failed");
            browser.screenshot("recovery-05-overview");
        }
    }


    /** Elements scrolled out of the portal's content area count as hidden to WebDriver; bring them back. */
    private static void scrollTo(Browser browser, String css) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block: 'start'})", browser.driver().findElement(By.cssSelector(css)));
    }

    /** Damages the stored backup the way a failing disk would: one byte in the middle of each copy. */
    private List<Path> flipAByteInEveryArchive() throws IOException {
        List<Path> archives = new java.util.ArrayList<>();
        for (Path location : List.of(defaults.primaryLocation(), defaults.secondaryLocation())) {
            try (Stream<Path> files = Files.list(location)) {
                archives.addAll(files.filter(f -> !f.getFileName().toString().endsWith(".manifest")).toList());
            }
        }
        for (Path archive : archives) {
            try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
                long middle = file.length() / 2;
                file.seek(middle);
                int original = file.read();
                file.seek(middle);
                file.write(original ^ 0x40);
            }
        }
        return archives;
    }
}
