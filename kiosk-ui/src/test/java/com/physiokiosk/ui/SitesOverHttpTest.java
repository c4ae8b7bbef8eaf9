package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.checkin.CheckInSummary;
import com.physiokiosk.engine.storage.Dialect;
import com.physiokiosk.engine.storage.TestDatabases;
import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two kiosk servers of a chain, sites north and south, on one PostgreSQL database, as staff use them: each numbers and
 * lists its own check-ins; staff switch to every site's when the chain allows them, and only then.
 */
@DisplayName("Two sites of a chain over HTTP")
class SitesOverHttpTest {

    @Test
    void eachSiteListsItsOwnAndStaffMaySwitchToEverySite() {
        String url = TestDatabases.freshPostgresql();
        try (TestKiosk north = site(url, "north", "North clinic", "staff");
             TestKiosk south = site(url, "south", "South clinic", "admin")) {
            JavalinTest.test(north.app.javalin(), (northServer, c1) -> JavalinTest.test(south.app.javalin(), (southServer, c2) -> {
                PatientFlowTest.walk(new Browser(northServer.port()), "en", "Ana", Map.of(), PatientFlowTest.calmCramps());
                PatientFlowTest.walk(new Browser(southServer.port()), "en", "Bea", Map.of("fever", "yes"),
                        PatientFlowTest.calmCramps());
                List<CheckInSummary> all = north.app.checkIns().summariesForDay(LocalDate.now(), true);
                assertEquals(2, all.size());
                assertTrue(all.stream().allMatch(s -> s.number() == 1), "each site numbers its own: both are number 1");
                String southId = all.stream().filter(s -> s.site().equals("south")).findFirst().orElseThrow().publicId();

                // North lets everyone signed in see every site.
                Browser reception = north.staffMember(northServer.port(), "rosa");
                String own = reception.get("/staff/check-ins").body();
                assertTrue(own.contains("Ana") && !own.contains("Bea"), "this site's by default");
                assertTrue(own.contains("Check-ins of North clinic."));
                String every = reception.get("/staff/check-ins?sites=all").body();
                assertTrue(every.contains("Ana") && every.contains("Bea"), "every site's");
                assertTrue(every.contains(">south<") && every.contains(">Site<"), "each row names its site");
                assertEquals(200, reception.get("/staff/check-ins/" + southId).statusCode(), "another site's check-in opens");

                // South lets only admins: its staff see their own site alone.
                Browser southReception = south.staffMember(southServer.port(), "luis");
                String southAll = southReception.get("/staff/check-ins?sites=all").body();
                assertFalse(southAll.contains("Ana"), "not allowed: this site's only");
                assertFalse(southAll.contains("Show every site"));
                String northId = all.stream().filter(s -> s.site().equals("north")).findFirst().orElseThrow().publicId();
                assertEquals(404, southReception.get("/staff/check-ins/" + northId).statusCode(),
                        "another site's check-in is not there for them");
                HttpResponse<String> asAdmin = TestKiosk.admin(southServer.port()).get("/staff/check-ins?sites=all");
                assertTrue(asAdmin.body().contains("Ana"), "south's admins may");

                // One audit log for the chain, each line naming the site it was written at.
                assertTrue(north.app.audit().latest(50).stream().anyMatch(e -> e.username().equals("rosa")
                        && southId.equals(e.checkInId()) && "north".equals(e.site())), "north's reception opened south's");
                assertTrue(north.app.audit().latest(50).stream().anyMatch(e -> e.username().equals("admin")
                        && "south".equals(e.site())), "south's admin, in the same log");
                String auditPage = TestKiosk.admin(northServer.port()).get("/staff/audit").body();
                assertTrue(auditPage.contains(">Site<") && auditPage.contains("<td>south</td>")
                        && auditPage.contains("<td>north</td>"), "the audit page names each line's site");
            }));
        }
    }

    private static TestKiosk site(String url, String site, String name, String allSites) {
        return TestKiosk.start(Dialect.POSTGRESQL, TestKiosk.BUILT_PLUGINS, Map.of("KIOSK_DATABASE_URL", url,
                "KIOSK_SITE", site, "KIOSK_SITE_NAME", name, "KIOSK_ALL_SITES", allSites,
                "KIOSK_ADMIN_PASSWORD", TestKiosk.ADMIN_PASSWORD), Clock.systemDefaultZone());
    }
}
