package com.physiokiosk.engine.checkin;

import java.time.LocalDate;

/**
 * Told to listeners once a check-in is durably stored, for the staff's live list. Carries no
 * patient data: it may travel to any signed-in staff screen.
 *
 * @param day    the clinic-local day of the check-in
 * @param number its check-in number
 * @param urgent whether a finding is URGENT
 * @param alert  whether this store raised an URGENT finding staff have not been alerted to yet: staff
 *               screens sound the alert for these only, not for every later answer of the same visit
 * @param site   the site (kiosk server) that stored it: numbers are per site, so staff seeing several sites' need it
 */
public record CheckInStored(LocalDate day, int number, boolean urgent, boolean alert, String site) {

    /** A check-in of the default site. */
    public CheckInStored(LocalDate day, int number, boolean urgent, boolean alert) {
        this(day, number, urgent, alert, CheckInRepository.DEFAULT_SITE);
    }
}
