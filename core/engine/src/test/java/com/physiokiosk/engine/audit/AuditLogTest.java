package com.physiokiosk.engine.audit;

import com.physiokiosk.engine.storage.OnBothDatabases;
import com.physiokiosk.engine.storage.Database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Audit log: grouped refusals, pages and filters")
class AuditLogTest extends OnBothDatabases {

    @TempDir
    Path dir;

    private AuditLog audit;
    private Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void open() {
        audit = new AuditLog(openDatabase(dir), clock);
    }

    @Test
    void fiveHundredRefusalsFromOneSourceAreOneLineWithTheirCountAndARealActionStaysOnTop() {
        audit.record("admin", AuditAction.ACCOUNT_CREATED, null, "maria (staff)");
        for (int i = 0; i < 500; i++) {
            now = now.plusMillis(500);
            audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.66", "wrong password");
        }
        audit.record("admin", AuditAction.SETTINGS_CHANGED, null, "clinic name");
        List<AuditEntry> page = audit.latest(100);
        assertEquals(3, page.size(), "one line for the flood: " + page);
        assertEquals(AuditAction.SETTINGS_CHANGED, page.get(0).action());
        AuditEntry flood = page.get(1);
        assertEquals(500, flood.repeats());
        assertEquals("192.0.2.66", flood.source());
        assertEquals(Instant.parse("2026-03-02T09:00:00.500Z"), flood.at());
        assertEquals(now, flood.lastAt());
        assertEquals(AuditAction.ACCOUNT_CREATED, page.get(2).action());
    }

    @Test
    void aNewHourAnotherSourceOrAnotherReasonStartsANewLine() {
        audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.66", "wrong password");
        audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.67", "wrong password");
        audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.66", "too many attempts, asked to wait");
        now = now.plus(AuditLog.GROUP_WINDOW).plusSeconds(1);
        audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.66", "wrong password");
        audit.recordRepeated("admin", AuditAction.SIGN_IN_FAILED, "192.0.2.66", "wrong password");
        List<AuditEntry> page = audit.latest(100);
        assertEquals(4, page.size());
        assertEquals(2, page.get(0).repeats());
        assertTrue(page.subList(1, 4).stream().allMatch(e -> e.repeats() == 1 && e.lastAt() == null));
    }

    @Test
    void pagesGoOlderAndNewerByIdAndFiltersCombine() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            now = now.plus(Duration.ofMinutes(10));
            audit.record(i % 5 == 0 ? "maria" : "pedro", i % 2 == 0 ? AuditAction.VIEW : AuditAction.PRINT, "c" + i, null);
        }
        AuditLog.Slice first = audit.page(AuditLog.Query.newest(100));
        assertEquals(100, first.entries().size());
        assertFalse(first.newer());
        assertTrue(first.older());
        first.entries().forEach(e -> ids.add(e.id()));
        long oldestShown = first.entries().get(99).id();

        AuditLog.Slice second = audit.page(new AuditLog.Query(null, null, null, null, oldestShown, null, 100));
        assertEquals(100, second.entries().size());
        assertTrue(second.newer());
        assertTrue(second.older());
        assertTrue(second.entries().get(0).id() < oldestShown);
        AuditLog.Slice third = audit.page(new AuditLog.Query(null, null, null, null, second.entries().get(99).id(), null, 100));
        assertEquals(50, third.entries().size());
        assertFalse(third.older());
        AuditLog.Slice backToSecond = audit.page(new AuditLog.Query(null, null, null, null, null,
                third.entries().get(0).id(), 100));
        assertEquals(second.entries(), backToSecond.entries(), "previous page, newest first");
        AuditLog.Slice backToFirst = audit.page(new AuditLog.Query(null, null, null, null, null,
                second.entries().get(0).id(), 100));
        assertEquals(first.entries(), backToFirst.entries());
        assertFalse(backToFirst.newer());

        AuditLog.Slice marias = audit.page(new AuditLog.Query(AuditAction.VIEW, "maria", null, null, null, null, 100));
        assertEquals(25, marias.entries().size(), "every tenth: i % 5 == 0 and even");
        assertTrue(marias.entries().stream().allMatch(e -> e.username().equals("maria") && e.action() == AuditAction.VIEW));
        assertFalse(marias.older());
    }

    @Test
    void theDayFilterIsExactAtMidnightWhateverTheFractionOfASecond() {
        Instant midnight = Instant.parse("2026-03-03T00:00:00Z");
        for (Instant at : List.of(midnight.minusMillis(1), midnight.minusNanos(500), midnight, midnight.plusMillis(500),
                midnight.plus(Duration.ofHours(24)).minusNanos(1), midnight.plus(Duration.ofHours(24)))) {
            now = at;
            audit.record("maria", AuditAction.VIEW, at.toString(), null);
        }
        List<AuditEntry> day = audit.page(new AuditLog.Query(null, null, midnight, midnight.plus(Duration.ofDays(1)),
                null, null, 100)).entries();
        assertEquals(List.of(midnight.plus(Duration.ofHours(24)).minusNanos(1), midnight.plusMillis(500), midnight),
                day.stream().map(AuditEntry::at).toList());
    }
}
