package dev.gantry.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import dev.gantry.access.Totp;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with the flags this kind of machine needs. A missing
 * browser skips the journey locally with the reason printed, and fails it on CI.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static Browser start() {
        File chromium = new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
        File chromedriver = new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String reason = "Chromium (" + chromium + ") or chromedriver (" + chromedriver + ") is not installed";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(reason + "; CI must run the browser journeys");
            }
            System.err.println("Skipping browser journey: " + reason);
            Assumptions.abort(reason);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options));
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    /** Text of the page including open dialogs and grid cells. */
    public String pageText() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript("return document.body.innerText"));
    }

    /** Types into a Vaadin field (the native input is in the field's light DOM) and commits with Tab. */
    public void type(String fieldCss, String value) {
        WebElement input = wait.until(d -> d.findElement(By.cssSelector(fieldCss + " input")));
        input.clear();
        input.sendKeys(value);
        input.sendKeys(org.openqa.selenium.Keys.TAB);
    }

    public void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    public void waitForPath(String path) {
        try {
            wait.until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-waiting-for-" + path.replace('/', '_'));
            throw new AssertionError("Expected to reach " + path + " but the browser is at " + driver.getCurrentUrl()
                    + " showing: " + pageText(), e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots");
            Files.createDirectories(target);
            Files.write(target.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /**
     * A first sign-in with a one-time password, as the portal asks for it: the password is changed to {@code chosen},
     * a TOTP authenticator is enrolled and the recovery codes are confirmed; returns on the home page.
     */
    public void signInForTheFirstTime(String base, String username, String oneTime, String chosen) {
        open(base + "/");
        waitForPath("/login");
        type("vaadin-login-form vaadin-text-field", username);
        type("vaadin-login-form vaadin-password-field", oneTime);
        click("vaadin-login-form vaadin-button[slot=submit]");
        waitForPath("/change-password");
        type("#current-password", oneTime);
        type("#new-password", chosen);
        type("#repeat-password", chosen);
        click("#change-password");
        waitForPath("/mfa/enrol");
        String secret = find("#totp-secret").getText().strip();
        type("#totp-code", Totp.codeAt(Totp.base32Decode(secret), Instant.now()));
        click("#confirm-totp");
        find("#recovery-codes");
        click("#recovery-codes-stored");
        waitForPath("/");
    }
}
