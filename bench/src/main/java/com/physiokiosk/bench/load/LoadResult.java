package com.physiokiosk.bench.load;

/**
 * What a measured phase gave.
 *
 * @param calls      successful calls in the measured phase
 * @param errors     failed calls in the measured phase (warm-up and set-up failures included, so none hides)
 * @param seconds    how long the measured phase really took
 * @param p50Millis  median latency of a successful call
 * @param p99Millis  99th percentile latency
 * @param maxMillis  slowest call
 * @param cpuMicrosPerCall CPU time the server under test spent per successful call in the measured
 *                   phase (all its threads: requests, GC, JIT), or NaN when not measured
 * @param firstError the first failure seen, or {@code null}
 */
public record LoadResult(long calls, long errors, double seconds, double p50Millis, double p99Millis, double maxMillis,
                         double cpuMicrosPerCall, String firstError) {

    /** Successful calls per second. */
    public double perSecond() {
        return seconds <= 0 ? 0 : calls / seconds;
    }

    /** One line for the table: rate, latencies and errors. */
    public String summary(String unit) {
        return String.format("%,.0f %s/s, p50 %.2f ms, p99 %.2f ms, %d errors", perSecond(), unit, p50Millis, p99Millis,
                errors) + (Double.isNaN(cpuMicrosPerCall) ? "" : String.format(", server CPU %.0f µs each", cpuMicrosPerCall));
    }
}
