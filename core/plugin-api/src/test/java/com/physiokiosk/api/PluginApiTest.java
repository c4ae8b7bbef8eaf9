package com.physiokiosk.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PluginApiTest {

    @Test
    void pluginsBuiltNowAcceptThisVersionUpToTheNextMajor() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PluginApi.class.getResourceAsStream("plugin-api.properties")) {
            p.load(in);
        }
        int major = Integer.parseInt(PluginApi.VERSION.substring(0, PluginApi.VERSION.indexOf('.')));
        assertEquals((major + 1) + ".0.0", p.getProperty("next-major"),
                "kiosk.api.next-major in the parent pom must be the major after kiosk.api.version");
    }
}
