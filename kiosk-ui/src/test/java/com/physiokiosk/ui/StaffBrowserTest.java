package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.io.File;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff screen in real Chromium: signed in, the list open, a patient submits an urgent
 * check-in, and the alert banner and the new row appear without a reload. Skipped where Debian's
 * chromium and chromium-driver are not installed.
 */
@DisplayName("Staff screen in Chromium")
class StaffBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @Test
    void anUrgentCheckInShowsTheAlertBannerAndTheRowWithoutAReload() {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Chromium and chromedriver not installed");
        try (TestKiosk kiosk = TestKiosk.withAdmin()) {
            JavalinTest.test(kiosk.app.javalin(), (server, client) -> {
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM);
                options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run",
                        "--window-size=1280,900", "--autoplay-policy=no-user-gesture-required");
                ChromeDriver chrome = new ChromeDriver(
                        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), options);
                try {
                    String origin = "http://localhost:" + server.port();
                    chrome.get(origin + "/staff/check-ins");
                    chrome.findElement(By.id("username")).sendKeys("admin");
                    chrome.findElement(By.id("password")).sendKeys(TestKiosk.ADMIN_PASSWORD);
                    chrome.findElement(By.cssSelector("form[action='/staff/sign-in'] button")).click();
                    WebDriverWait wait = new WebDriverWait(chrome, Duration.ofSeconds(5));
                    wait.until(d -> d.getCurrentUrl().endsWith("/staff/check-ins"));
                    chrome.findElement(By.id("sound-on")).click();
                    wait.until(d -> !d.findElement(By.id("sound-on")).isDisplayed());
                    wait.until(d -> "open".equals(d.findElement(By.id("check-ins")).getDomAttribute("data-stream")));

                    PatientFlowTest.walk(new Browser(server.port()), "en", "Dora", Map.of("trauma", "yes"),
                            PatientFlowTest.calmCramps());
                    new WebDriverWait(chrome, Duration.ofSeconds(2))
                            .until(d -> d.findElement(By.id("live-banner")).isDisplayed());
                    assertEquals("Urgent check-in number 1: please see the patient now.",
                            chrome.findElement(By.id("live-banner-text")).getText());
                    wait.until(d -> d.findElements(By.cssSelector("#check-ins tr.urgent-row")).size() == 1);
                    assertTrue(chrome.findElement(By.cssSelector("#check-ins tr.urgent-row")).getText().contains("Dora"));
                    assertTrue(chrome.getTitle().startsWith("(!) "), "the tab shows it too");
                    chrome.findElement(By.id("live-banner-close")).click();
                    assertTrue(!chrome.findElement(By.id("live-banner")).isDisplayed());
                } finally {
                    chrome.quit();
                }
            });
        }
    }
}
