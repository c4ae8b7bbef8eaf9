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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff screens in real Chromium: signed in, sound alerts switched on once and still on after moving
 * to another page; a patient's urgent answer raises the alert on whatever staff page is open (here the
 * settings), it stays on the next page until dismissed, and the list shows the new row without a reload.
 * Skipped where Debian's chromium and chromium-driver are not installed.
 */
@DisplayName("Staff screens in Chromium")
class StaffBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @Test
    void theUrgentAlertReachesEveryStaffPageAndTheSoundChoiceStaysOn() {
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

                    // Sound alerts: off until chosen, then on for this browser, on every page.
                    WebElement toggle = chrome.findElement(By.id("sound-toggle"));
                    assertEquals("false", toggle.getDomAttribute("aria-pressed"));
                    assertEquals("Sound alerts", toggle.getText().strip());
                    toggle.click();
                    wait.until(d -> "on".equals(d.findElement(By.tagName("body")).getDomAttribute("data-sound")));
                    assertEquals("true", chrome.findElement(By.id("sound-toggle")).getDomAttribute("aria-pressed"));
                    chrome.get(origin + "/staff/admin/settings");
                    wait.until(d -> "true".equals(d.findElement(By.id("sound-toggle")).getDomAttribute("aria-pressed")));
                    wait.until(d -> "on".equals(d.findElement(By.tagName("body")).getDomAttribute("data-sound")));
                    wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stream")));

                    // A second staff tab on the audit log: it shares the first tab's stream, one per browser.
                    String settingsTab = chrome.getWindowHandle();
                    chrome.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
                    chrome.get(origin + "/staff/audit");
                    wait.until(d -> "open".equals(d.findElement(By.tagName("body")).getDomAttribute("data-stream")));
                    String auditTab = chrome.getWindowHandle();
                    Thread.sleep(2_500); // a heartbeat or two: nobody takes the stream over from a live tab
                    assertEquals("follower", chrome.findElement(By.tagName("body")).getDomAttribute("data-stream-role"),
                            "the second tab shares the first one's stream");
                    chrome.switchTo().window(settingsTab);
                    assertEquals("leader", chrome.findElement(By.tagName("body")).getDomAttribute("data-stream-role"));

                    // An urgent answer while the admin is on the settings page.
                    PatientFlowTest.walk(new Browser(server.port()), "en", "Dora", Map.of("trauma", "yes"),
                            PatientFlowTest.calmCramps());
                    new WebDriverWait(chrome, Duration.ofSeconds(3))
                            .until(d -> d.findElement(By.id("live-banner")).isDisplayed());
                    assertEquals("Urgent check-in number 1: please see the patient now.",
                            chrome.findElement(By.id("live-banner-text")).getText());
                    assertTrue(chrome.getTitle().startsWith("(!) "), "the tab shows it too");
                    chrome.switchTo().window(auditTab);
                    new WebDriverWait(chrome, Duration.ofSeconds(3))
                            .until(d -> d.findElement(By.id("live-banner")).isDisplayed());
                    chrome.close();
                    chrome.switchTo().window(settingsTab);

                    // Not dismissed: still there on the list it leads to, where the row is.
                    chrome.findElement(By.cssSelector("#live-banner a")).click();
                    wait.until(d -> d.getCurrentUrl().endsWith("/staff/check-ins"));
                    assertTrue(chrome.findElement(By.id("live-banner")).isDisplayed(), "the alert stays until dismissed");
                    wait.until(d -> d.findElements(By.cssSelector("#check-ins tr.urgent-row")).size() == 1);
                    assertTrue(chrome.findElement(By.cssSelector("#check-ins tr.urgent-row")).getText().contains("Dora"));
                    chrome.findElement(By.id("live-banner-close")).click();
                    assertTrue(!chrome.findElement(By.id("live-banner")).isDisplayed());
                    chrome.get(origin + "/staff/audit");
                    assertTrue(!chrome.findElement(By.id("live-banner")).isDisplayed(), "dismissed is dismissed");

                    // Signed out, then in again in this tab: no alert of the last session.
                    PatientFlowTest.walk(new Browser(server.port()), "en", "Eva", Map.of("trauma", "yes"),
                            PatientFlowTest.calmCramps());
                    new WebDriverWait(chrome, Duration.ofSeconds(3))
                            .until(d -> d.findElement(By.id("live-banner")).isDisplayed());
                    chrome.findElement(By.cssSelector("form[action='/staff/sign-out'] button")).click();
                    wait.until(d -> d.getCurrentUrl().endsWith("/staff/sign-in"));
                    chrome.findElement(By.id("username")).sendKeys("admin");
                    chrome.findElement(By.id("password")).sendKeys(TestKiosk.ADMIN_PASSWORD);
                    chrome.findElement(By.cssSelector("form[action='/staff/sign-in'] button")).click();
                    wait.until(d -> d.getCurrentUrl().endsWith("/staff/check-ins"));
                    assertTrue(!chrome.findElement(By.id("live-banner")).isDisplayed(), "the next person starts clean");

                    // Sound switched off stays off.
                    chrome.findElement(By.id("sound-toggle")).click();
                    chrome.get(origin + "/staff/check-ins");
                    wait.until(d -> "false".equals(d.findElement(By.id("sound-toggle")).getDomAttribute("aria-pressed")));
                } finally {
                    chrome.quit();
                }
            });
        }
    }
}
