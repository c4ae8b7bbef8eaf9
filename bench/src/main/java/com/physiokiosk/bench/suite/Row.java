package com.physiokiosk.bench.suite;

/**
 * One line of the results table.
 *
 * @param what     what was measured
 * @param baseline the baseline's figure in the same run, or "—"
 * @param ours     the kiosk's figure
 * @param ratio    ours against the baseline, or {@code null} where there is no baseline
 * @param absolute the kiosk's absolute figures, for reference
 * @param target   the target of issue 8
 * @param status   met, missed or not measured
 * @param why      for a miss, every criterion that failed with its number; for a row not measured, the reason
 */
public record Row(String what, String baseline, String ours, Double ratio, String absolute, String target,
                  Status status, String why) {

    /** Whether a target was met. */
    public enum Status {
        MET("met"), MISSED("MISSED"), NOT_MEASURED("not measured");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A row that could not be measured, saying why. */
    public static Row notMeasured(String what, String target, String why) {
        return new Row(what, "—", "—", null, "—", target, Status.NOT_MEASURED, why);
    }

    /** The ratio as printed. */
    public String ratioText() {
        return ratio == null ? "—" : String.format("%.2f", ratio);
    }

    /** The verdict as printed: the status, and for anything but a plain "met", why. */
    public String verdict() {
        return why == null || why.isEmpty() ? status.label() : status.label() + ": " + why;
    }
}
