package com.physiokiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A staff screen's live stream ({@code /staff/events}) in a test, read line by line as it comes. */
final class StaffEventStream implements AutoCloseable {

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private StaffEventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream of signed-in {@code staff}, checks it is one, and waits until it says it is live. */
    static StaffEventStream open(Browser staff) throws Exception {
        HttpResponse<Stream<String>> response = staff.http.sendAsync(
                HttpRequest.newBuilder(URI.create(staff.origin() + "/staff/events"))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        StaffEventStream stream = new StaffEventStream(response);
        assertEquals(": live", stream.lines.poll(5, TimeUnit.SECONDS), "the stream is open");
        return stream;
    }

    /** The data of the next {@code check-in} event, or null when none comes before {@code deadline} (nanoTime). */
    String nextCheckIn(long deadline) throws InterruptedException {
        boolean inEvent = false;
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                return null;
            }
            if (line.equals("event: check-in")) {
                inEvent = true;
            } else if (inEvent && line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        return null;
    }

    @Override
    public void close() {
        response.body().close();
    }
}
