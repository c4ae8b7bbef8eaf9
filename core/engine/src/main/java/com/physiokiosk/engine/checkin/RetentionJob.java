package com.physiokiosk.engine.checkin;

import com.physiokiosk.engine.audit.AuditAction;
import com.physiokiosk.engine.audit.AuditLog;
import com.physiokiosk.engine.checkin.CheckInRepository;
import com.physiokiosk.engine.schedule.Repeating;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes check-ins older than the retention period: once at start, then every hour. The log and
 * the audit log get the count, the cut-off day and the public ids, never a name or an answer.
 */
public final class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final CheckInRepository checkIns;
    private final AuditLog audit;
    private final Clock clock;
    private final IntSupplier retentionDays;
    private final Repeating schedule = new Repeating("kiosk-retention", Duration.ZERO, Duration.ofHours(1), log,
            "Retention run", this::runOnce);

    /**
     * @param clock         gives "today" in the clinic's time zone
     * @param retentionDays check-ins of a day more than this many days before today are deleted; read
     *                      on every run, so a clinic admin's change applies to the next run
     */
    public RetentionJob(CheckInRepository checkIns, AuditLog audit, Clock clock, IntSupplier retentionDays) {
        this.checkIns = checkIns;
        this.audit = audit;
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Runs now, then hourly, on a daemon thread of its own. */
    public void start() {
        schedule.start();
    }

    public void stop() {
        schedule.stop();
    }

    /**
     * Deletes what is past the retention period, now.
     *
     * @return how many check-ins were deleted
     */
    public int runOnce() {
        int retentionDays = this.retentionDays.getAsInt();
        LocalDate firstDayKept = LocalDate.now(clock).minusDays(retentionDays);
        List<String> deleted = checkIns.deleteBefore(firstDayKept, ids -> audit.entries(AuditLog.SYSTEM, AuditAction.DELETE,
                ids, "retention: older than " + retentionDays + " days"));
        if (!deleted.isEmpty()) {
            log.info("Retention: deleted {} check-ins from before {} ({} days kept)", deleted.size(), firstDayKept,
                    retentionDays);
        }
        return deleted.size();
    }
}
