package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Every staff and admin page in Chromium, as a clinic's desk sees it (1280x800, and a narrow 900x800
 * window), the pages with an error or a confirmation on them included: axe-core finds no WCAG 2.2 A/AA
 * violation, the header's parts sit on one line and the page's own section is marked in it, the
 * switched-off topic is named by its title, and a click anywhere on a check-in's row opens it. Each page
 * is photographed to {@code target/screenshots/staff/} for a reviewer.
 */
@DisplayName("Every staff and admin page in Chromium")
class StaffPagesIT {

    private static final Path SHOTS = Path.of("target", "screenshots", "staff");

    private final List<TestKiosk> kiosks = new ArrayList<>();
    private ChromeDriver driver;
    private final List<String> problems = new ArrayList<>();
    private final List<String> looked = new ArrayList<>();

    @AfterEach
    void close() {
        if (driver != null) {
            driver.quit();
        }
        kiosks.forEach(TestKiosk::close);
    }

    private String started(TestKiosk kiosk) {
        kiosks.add(kiosk);
        kiosk.app.javalin().start("127.0.0.1", 0);
        return "http://127.0.0.1:" + kiosk.app.javalin().port();
    }

    @Test
    void everyStaffAndAdminPage() {
        driver = Chromium.start(1280, 800);

        // A kiosk with no account yet: the set-up page.
        String fresh = started(TestKiosk.start());
        driver.get(fresh + "/staff/setup");
        look("setup", null);

        TestKiosk kiosk = TestKiosk.withAdmin();
        String base = started(kiosk);
        int port = kiosk.app.javalin().port();
        PatientFlowTest.walk(new Browser(port), "en", "Dora", Map.of("trauma", "yes"), PatientFlowTest.calmCramps());
        PatientFlowTest.walk(new Browser(port), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());

        driver.get(base + "/staff/check-ins");
        look("sign-in", null);
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(TestKiosk.ADMIN_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/staff/sign-in'] button")).click();
        waitFor(d -> d.getCurrentUrl().endsWith("/staff/check-ins"));
        look("check-ins", "/staff/check-ins");

        // The whole row opens the check-in: a click on its time cell, away from the name's link.
        WebElement urgentRow = driver.findElement(By.cssSelector("#check-ins tr.urgent-row"));
        // A click at the cell's place (what a person does): the row's link, drawn over the row, takes it.
        new Actions(driver).moveToElement(urgentRow.findElement(By.cssSelector("td:nth-child(3)"))).click().perform();
        waitFor(d -> d.getCurrentUrl().matches(".*/staff/check-ins/[A-Za-z0-9_-]+$"));
        look("summary", "/staff/check-ins");

        driver.get(base + "/staff/check-ins?day=" + LocalDate.now().minusDays(3));
        look("check-ins-empty-day", "/staff/check-ins");
        driver.get(base + "/staff/check-ins/AAAAAAAAAAAAAAAAAAAAAA");
        look("not-found", "/staff/check-ins");
        driver.get(base + "/staff/audit");
        look("audit", "/staff/audit");
        driver.get(base + "/staff/accounts");
        look("accounts", "/staff/accounts");
        driver.findElement(By.id("username")).sendKeys("maria");
        driver.findElement(By.id("password")).sendKeys("a long enough password");
        driver.findElement(By.id("confirm")).sendKeys("another long password");
        driver.findElement(By.cssSelector("form[action='/staff/accounts'] button[type=submit]")).click();
        waitFor(d -> !d.findElements(By.id("confirm-error")).isEmpty());
        expect("the account's user name is kept", "maria".equals(driver.findElement(By.id("username")).getDomProperty("value")));
        look("accounts-error", "/staff/accounts");

        driver.get(base + "/staff/admin/topics");
        look("topics", "/staff/admin/topics");
        driver.findElement(By.cssSelector("tr[data-plugin='postpartum'] form button")).click();
        waitFor(d -> !d.findElements(By.cssSelector(".confirmation")).isEmpty());
        String confirmation = driver.findElement(By.cssSelector(".confirmation")).getText();
        expect("the switch is confirmed by the topic's name: " + confirmation,
                confirmation.startsWith("Back pain after having a baby is switched off"));
        expect("the confirmation is read first", "confirmation".equals(driver.switchTo().activeElement().getDomAttribute("id")));
        String row = driver.findElement(By.cssSelector("tr[data-plugin='postpartum'] td")).getText();
        expect("a switched-off topic is named by its title, not its id: " + row, row.equals("Back pain after having a baby"));
        look("topics-switched-off", "/staff/admin/topics");
        driver.get(base + "/staff/admin/topics/sleep/remove");
        look("remove-topic", "/staff/admin/topics");

        driver.get(base + "/staff/admin/settings");
        look("settings", "/staff/admin/settings");
        WebElement idle = driver.findElement(By.id("idle"));
        idle.clear();
        idle.sendKeys("5");
        driver.findElement(By.cssSelector("form[action='/staff/admin/settings'] button[type=submit]")).click();
        waitFor(d -> !d.findElements(By.id("idle-error")).isEmpty());
        expect("the idle field points at its error",
                "idle-error".equals(driver.findElement(By.id("idle")).getDomAttribute("aria-describedby")));
        look("settings-error", "/staff/admin/settings");
        // A record system's API client: its token shown once, at the top of the page.
        driver.get(base + "/staff/admin/settings#api-clients");
        driver.findElement(By.id("api-client-name")).sendKeys("Clinic EHR");
        driver.findElement(By.cssSelector("form[action='/staff/admin/settings/api-clients'] button[type=submit]")).click();
        waitFor(d -> !d.findElements(By.id("new-token-value")).isEmpty());
        expect("the token is shown", driver.findElement(By.id("new-token-value")).getDomProperty("value").startsWith("pk_"));
        look("settings-api-token", "/staff/admin/settings");
        driver.get(base + "/staff/admin/settings");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "document.getElementById('api-clients').scrollIntoView()");
        expect("a reload does not show the token again", driver.findElements(By.id("new-token-value")).isEmpty());
        look("settings-api-clients", "/staff/admin/settings");
        driver.get(base + "/staff/admin/catalogue");
        look("catalogue", "/staff/admin/catalogue");

        assertEquals(List.of(), problems, "problems on the staff pages");
        assertEquals(17 * 2, looked.size(), "pages looked at: " + looked);
    }

    // ---- what is checked on each page --------------------------------------------------------------

    /** Photographs the page at a desk's size and in a narrow window, and checks it. */
    private void look(String page, String section) {
        for (int width : new int[] {1280, 900}) {
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 800,
                    "deviceScaleFactor", 1, "mobile", false));
            String name = width + "-" + page;
            looked.add(name);
            shot(name);
            header(name, section);
            axe(name);
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * The header's parts (clinic, sections, who is signed in) are vertically centred on one line where
     * they share one, the page's section is the one marked current, and nothing scrolls sideways.
     */
    private void header(String name, String section) {
        Object problem = js("""
                const header = document.querySelector('.staff-header');
                if (!header) return 'no staff header';
                const parts = ['.brand', '.staff-nav', '.staff-tools'].map(s => header.querySelector(s)).filter(e => e);
                const mids = parts.map(e => { const r = e.getBoundingClientRect(); return [r.top, r.bottom, (r.top + r.bottom) / 2]; });
                for (let i = 0; i < mids.length; i++) {
                  for (let j = i + 1; j < mids.length; j++) {
                    const sameLine = mids[i][0] < mids[j][1] && mids[j][0] < mids[i][1];
                    if (sameLine && Math.abs(mids[i][2] - mids[j][2]) > 2)
                      return 'header parts not aligned: ' + JSON.stringify(mids);
                  }
                }
                const current = Array.from(header.querySelectorAll('a[aria-current=page]')).map(a => a.getAttribute('href'));
                const wanted = arguments[0];
                if (JSON.stringify(current) !== JSON.stringify(wanted ? [wanted] : []))
                  return 'current section ' + JSON.stringify(current) + ', expected ' + wanted;
                if (document.documentElement.scrollWidth > innerWidth) return 'the page scrolls sideways';
                return null;
                """, section);
        if (problem != null) {
            problems.add(name + ": " + problem);
        }
    }

    private void axe(String name) {
        problems.addAll(Chromium.axeViolations(driver, name));
    }

    private void shot(String name) {
        Chromium.screenshot(driver, SHOTS, name);
    }

    private void expect(String what, boolean holds) {
        if (!holds) {
            problems.add(what);
        }
    }

    private void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        Chromium.waiting(driver, Duration.ofSeconds(10)).until(condition);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
