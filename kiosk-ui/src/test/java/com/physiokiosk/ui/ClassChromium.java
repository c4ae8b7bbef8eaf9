package com.physiokiosk.ui;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One Chromium for a test class, registered as a static extension: started before the class's first test
 * and quit after its last. Each test opens a kiosk of its own in a fresh tab ({@link #open}), stopped when
 * the test ends.
 */
final class ClassChromium implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private ChromeDriver driver;
    private KioskTab tab;

    /** A kiosk of the test's own, started with {@code env} (env-style names), in a fresh tab {@code width} by {@code height}. */
    KioskTab open(Map<String, String> env, int width, int height) {
        tab = KioskTab.open(driver, env, width, height);
        return tab;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        driver = Chromium.start(1280, 800);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (tab != null) {
            tab.close();
            tab = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
        }
    }
}
