package com.physiokiosk.engine.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.physiokiosk.engine.storage.Database;
import com.physiokiosk.engine.storage.Dialect;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live alerts across the kiosk servers of a clinic chain sharing one PostgreSQL database. Each check-in a server
 * stores is announced on the channel {@value #CHANNEL} inside the transaction that stores it, so it is announced when,
 * and only if, it is committed. Each server hears the others' announcements and tells its own check-in listeners (the
 * staff screens' live list and urgent alert) as if it had stored the check-in itself; its own it hears too and leaves,
 * as it told its listeners directly.
 *
 * <p>An announcement is a small JSON object, the announcing server's id and the check-in's {@link CheckInStored},
 * never patient data: {@code {"server":"9f2c…","day":"2026-03-02","number":4,"urgent":true,"alert":true}}. A reader
 * ignores the fields it does not know, so a newer server may add one (a site, say) without confusing older ones.
 *
 * <p>On SQLite one kiosk server has the database: nothing is announced and nothing is listened to.
 */
public final class CheckInRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CheckInRelay.class);

    /** The PostgreSQL channel of the announcements. */
    public static final String CHANNEL = "kiosk_check_in";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final String serverId;
    /** Set by {@link #start}; guarded by {@code this}. */
    private Database.Listening listening;
    /** Set by {@link #close}; guarded by {@code this}. */
    private boolean closed;

    /** A relay for this kiosk server, with a random id of its own (one per server, so one per process but in tests). */
    public CheckInRelay(Database db) {
        this.db = db;
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        this.serverId = HexFormat.of().formatHex(id);
    }

    /** This server's id in its announcements, random for each relay. */
    public String serverId() {
        return serverId;
    }

    /** Announces {@code stored} to the other servers, in {@code c}'s transaction: it goes out only if that commits. */
    void announce(Connection c, CheckInStored stored) throws SQLException {
        db.dialect().notifyChannel(c, CHANNEL, announcement(serverId, stored));
    }

    /**
     * Starts handing the check-ins the other servers announce to {@code tell}, on the relay's own thread.
     *
     * @throws IllegalStateException when started before, or closed
     */
    synchronized void start(Consumer<CheckInStored> tell) {
        if (listening != null || closed) {
            throw new IllegalStateException("The check-in relay was started before, or closed");
        }
        listening = db.listen(CHANNEL, payload -> fromAnotherServer(payload).ifPresent(tell));
        if (db.dialect() != Dialect.SQLITE) {
            log.info("Check-ins are shared live with the other kiosk servers on {}; this one is {}", db.name(), serverId);
        }
    }

    /** Stops hearing the other servers: nothing is handed on once it returns. */
    @Override
    public synchronized void close() {
        closed = true;
        if (listening != null) {
            listening.close();
        }
    }

    /** The announcement of {@code stored} by {@code server}: what goes over the channel. */
    static String announcement(String server, CheckInStored stored) {
        ObjectNode json = JSON.createObjectNode();
        json.put("server", server);
        json.put("day", stored.day().toString());
        json.put("number", stored.number());
        json.put("urgent", stored.urgent());
        json.put("alert", stored.alert());
        json.put("site", stored.site());
        return json.toString();
    }

    /** The check-in {@code announcement} tells of, unless this server sent it; empty, and logged, when unreadable. */
    Optional<CheckInStored> fromAnotherServer(String announcement) {
        JsonNode json;
        try {
            json = JSON.readTree(announcement);
        } catch (JsonProcessingException e) {
            log.warn("An announcement on {} is not JSON; left", CHANNEL);
            return Optional.empty();
        }
        JsonNode server = json.path("server");
        JsonNode day = json.path("day");
        JsonNode number = json.path("number");
        JsonNode urgent = json.path("urgent");
        JsonNode alert = json.path("alert");
        if (!server.isTextual() || !day.isTextual() || !number.canConvertToInt() || !number.isIntegralNumber()
                || !urgent.isBoolean() || !alert.isBoolean()) {
            log.warn("An announcement on {} lacks a server, day, number, urgent or alert; left", CHANNEL);
            return Optional.empty();
        }
        if (server.asText().equals(serverId)) {
            return Optional.empty();
        }
        try {
            // An older server names no site: the default one.
            JsonNode site = json.path("site");
            return Optional.of(new CheckInStored(LocalDate.parse(day.asText()), number.intValue(), urgent.booleanValue(),
                    alert.booleanValue(), site.isTextual() ? site.asText() : CheckInRepository.DEFAULT_SITE));
        } catch (DateTimeParseException e) {
            log.warn("An announcement on {} has no readable day; left", CHANNEL);
            return Optional.empty();
        }
    }
}
