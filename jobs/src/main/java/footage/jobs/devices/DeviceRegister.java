package footage.jobs.devices;

import footage.jobs.continuity.ContinuityService;
import footage.jobs.ledger.Ledger;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The device register (Art. 3, 4, 18; docs/formats.md §9): devices, their status history, assignments and damage reports.
 * Every change is a ledger entry, and the devices it concerns are analysed again at once (their register findings
 * follow the change: a damage report filed in time supersedes a DAMAGE_NOT_REPORTED, and so on).
 */
@Service
public class DeviceRegister {

    /** A change the register refuses (unknown device, a time before the current assignment, a retired device...). */
    public static class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What an import did; {@code errors} non-empty means nothing was stored. */
    public record Imported(int added, int updated, int unchanged, int assigned, List<String> errors,
                           ContinuityService.Outcome analysis) {
    }

    private final Devices devices;
    private final DeviceStatusHistory statuses;
    private final DeviceAssignments assignments;
    private final DamageReports damages;
    private final Ledger ledger;
    private final ContinuityService continuity;
    private final Clock clock = Clock.systemUTC();

    DeviceRegister(Devices devices, DeviceStatusHistory statuses, DeviceAssignments assignments, DamageReports damages,
                   Ledger ledger, ContinuityService continuity) {
        this.devices = devices;
        this.statuses = statuses;
        this.assignments = assignments;
        this.damages = damages;
        this.ledger = ledger;
        this.continuity = continuity;
    }

    /**
     * Stores the good lines of a register file, all or nothing: when any line is wrong against the register as it
     * is (an assignment starting before the device's current one), nothing is stored and every such line is named.
     */
    @Transactional
    Imported importRows(List<DeviceFileReader.Row> rows, String actor) {
        ledger.lockAppends();
        List<String> errors = new ArrayList<>();
        for (DeviceFileReader.Row r : rows) {
            if (r.officerId() == null) {
                continue;
            }
            assignments.current(r.deviceId()).ifPresent(current -> {
                if (!sameAssignment(current, r.officerId(), r.assignedFrom()) && !r.assignedFrom().isAfter(current.from())) {
                    errors.add("line " + r.line() + " (" + r.deviceId() + "): assignedFrom " + r.assignedFrom()
                            + " is not after the current assignment to " + current.officerId() + " from " + current.from());
                }
            });
        }
        if (!errors.isEmpty()) {
            return new Imported(0, 0, 0, 0, errors, new ContinuityService.Outcome(0, 0, 0));
        }
        boolean wasEmpty = devices.count() == 0;
        OffsetDateTime now = OffsetDateTime.now(clock);
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        int assigned = 0;
        Set<String> touched = new TreeSet<>();
        for (DeviceFileReader.Row r : rows) {
            Optional<Devices.Device> existing = devices.find(r.deviceId());
            boolean changed = false;
            if (existing.isEmpty()) {
                devices.insert(r.deviceId(), r.type(), r.model(), r.serial(), DeviceStatus.IN_SERVICE, now);
                ledger.append("DEVICE_REGISTERED", subject(r.deviceId()), actor, payload("type", r.type().name(), "model", r.model(),
                        "serial", r.serial()));
                OffsetDateTime since = r.assignedFrom() != null ? r.assignedFrom() : now;
                statuses.insert(r.deviceId(), DeviceStatus.IN_SERVICE, since, actor, now);
                ledger.append("DEVICE_STATUS_CHANGED", subject(r.deviceId()), actor, payload("status", DeviceStatus.IN_SERVICE.name(),
                        "previousStatus", null, "since", instant(since)));
                added++;
                changed = true;
            } else {
                Devices.Device d = existing.get();
                if (d.type() != r.type() || !Objects.equals(d.model(), r.model()) || !Objects.equals(d.serial(), r.serial())) {
                    devices.update(r.deviceId(), r.type(), r.model(), r.serial(), now);
                    ledger.append("DEVICE_UPDATED", subject(r.deviceId()), actor, payload("type", r.type().name(), "model", r.model(),
                            "serial", r.serial(), "previousType", d.type().name(), "previousModel", d.model(),
                            "previousSerial", d.serial()));
                    updated++;
                    changed = true;
                }
            }
            if (r.officerId() != null && assignTo(r.deviceId(), r.officerId(), r.officerName(), r.assignedFrom(), actor, now)) {
                assigned++;
                changed = true;
            }
            if (changed) {
                touched.add(r.deviceId());
            } else {
                unchanged++;
            }
        }
        // the first register makes every device already seen answerable to it (UNKNOWN_DEVICE for those not in it)
        ContinuityService.Outcome analysis = wasEmpty && !touched.isEmpty() ? continuity.analyzeAll(actor)
                : continuity.analyze(touched, actor);
        return new Imported(added, updated, unchanged, assigned, List.of(), analysis);
    }

    /**
     * {@code footage devices import FILE} for a file uploaded to the console: the same reader and the same all-or-nothing
     * import, with the logged-in user as the actor.
     *
     * @throws Refused when the file as a whole cannot be read (not UTF-8, no header); nothing is stored
     */
    @Transactional
    public Imported importFile(byte[] bytes, java.time.ZoneId zone, String actor) {
        DeviceFileReader.Result read;
        try {
            read = new DeviceFileReader(zone).read(bytes);
        } catch (DeviceFileReader.Unreadable e) {
            throw new Refused(e.getMessage());
        }
        if (!read.errors().isEmpty()) {
            return new Imported(0, 0, 0, 0, read.errors(), new ContinuityService.Outcome(0, 0, 0));
        }
        return importRows(read.rows(), actor);
    }

    public List<DeviceStatusHistory.Change> statusHistory(String deviceId) {
        return statuses.of(deviceId);
    }

    public List<DeviceAssignments.Assignment> assignments(String deviceId) {
        return assignments.of(deviceId);
    }

    public List<DamageReports.Report> damageReports(String deviceId) {
        return damages.of(deviceId);
    }

    public Optional<Devices.Device> find(String deviceId) {
        return devices.find(deviceId);
    }

    /** Issues a device to an officer from a time on, closing the current assignment there. False: already so. */
    @Transactional
    public boolean assign(String deviceId, String officerId, String officerName, OffsetDateTime from, String by) {
        ledger.lockAppends();
        require(deviceId);
        if (officerId == null || officerId.isBlank()) {
            throw new Refused("an officer id is required");
        }
        Optional<DeviceAssignments.Assignment> current = assignments.current(deviceId);
        if (current.isPresent() && !sameAssignment(current.get(), officerId, from) && !from.isAfter(current.get().from())) {
            throw new Refused(deviceId + " is assigned to " + current.get().officerId() + " from " + current.get().from()
                    + "; a new assignment must start after that (" + from + " does not)");
        }
        boolean done = assignTo(deviceId, officerId.trim(), officerName, from, by, OffsetDateTime.now(clock));
        if (done) {
            continuity.analyze(Set.of(deviceId), by);
        }
        return done;
    }

    /** A damage report (Art. 18): the device goes UNDER_REPAIR from then on. */
    @Transactional
    public long damage(String deviceId, OffsetDateTime at, String note, String by) {
        ledger.lockAppends();
        Devices.Device d = require(deviceId);
        if (d.status() == DeviceStatus.RETIRED) {
            throw new Refused(deviceId + " is retired; a retired device is not reported for repair");
        }
        if (note == null || note.isBlank()) {
            throw new Refused("a damage report needs a note (what is damaged)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long id = damages.insert(deviceId, at, note.strip(), by, now);
        ledger.append("DEVICE_DAMAGE_REPORTED", subject(deviceId), by, payload("damageReport", id, "at", instant(at), "note", note.strip()));
        if (d.status() != DeviceStatus.UNDER_REPAIR) {
            changeStatus(d, DeviceStatus.UNDER_REPAIR, at, by, now);
        }
        continuity.analyze(Set.of(deviceId), by);
        return id;
    }

    /** Back in service after repair. */
    @Transactional
    public void repaired(String deviceId, OffsetDateTime at, String by) {
        ledger.lockAppends();
        Devices.Device d = require(deviceId);
        if (d.status() != DeviceStatus.UNDER_REPAIR) {
            throw new Refused(deviceId + " is " + d.status() + ", not UNDER_REPAIR");
        }
        changeStatus(d, DeviceStatus.IN_SERVICE, at, by, OffsetDateTime.now(clock));
        continuity.analyze(Set.of(deviceId), by);
    }

    /** Out of service for good: recordings made after {@code at} are RETIRED_DEVICE_USED. */
    @Transactional
    public void retire(String deviceId, OffsetDateTime at, String by) {
        ledger.lockAppends();
        Devices.Device d = require(deviceId);
        if (d.status() == DeviceStatus.RETIRED) {
            throw new Refused(deviceId + " is already retired");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        changeStatus(d, DeviceStatus.RETIRED, at, by, now);
        assignments.current(deviceId).ifPresent(a -> {
            if (at.isAfter(a.from())) {
                assignments.close(a.id(), at);
            }
        });
        continuity.analyze(Set.of(deviceId), by);
    }

    public List<Devices.Device> list() {
        return devices.all();
    }

    public Optional<DeviceAssignments.Assignment> currentAssignment(String deviceId) {
        return assignments.current(deviceId);
    }

    private Devices.Device require(String deviceId) {
        return devices.find(deviceId).orElseThrow(() -> new Refused("no device " + deviceId + " in the register (see footage devices list)"));
    }

    private void changeStatus(Devices.Device d, DeviceStatus status, OffsetDateTime since, String by, OffsetDateTime now) {
        // the status a device was registered with is no bound: a repair or a retirement may be entered after the fact
        List<DeviceStatusHistory.Change> history = statuses.of(d.id());
        if (history.size() > 1 && since.isBefore(history.get(history.size() - 1).since())) {
            throw new Refused(d.id() + " has been " + d.status() + " since " + history.get(history.size() - 1).since()
                    + "; " + since + " is before that");
        }
        statuses.insert(d.id(), status, since, by, now);
        devices.status(d.id(), status, now);
        ledger.append("DEVICE_STATUS_CHANGED", subject(d.id()), by, payload("status", status.name(), "previousStatus",
                d.status().name(), "since", instant(since)));
    }

    private boolean assignTo(String deviceId, String officerId, String officerName, OffsetDateTime from, String by, OffsetDateTime now) {
        Optional<DeviceAssignments.Assignment> current = assignments.current(deviceId);
        if (current.isPresent() && sameAssignment(current.get(), officerId, from)) {
            return false;
        }
        current.ifPresent(c -> assignments.close(c.id(), from));
        long id = assignments.insert(deviceId, officerId, officerName, from, by, now);
        ledger.append("DEVICE_ASSIGNED", subject(deviceId), by, payload("assignment", id, "officerId", officerId,
                "officerName", officerName, "from", instant(from), "previousOfficerId", current.map(DeviceAssignments.Assignment::officerId).orElse(null),
                "previousAssignment", current.map(DeviceAssignments.Assignment::id).orElse(null)));
        return true;
    }

    /** The same officer from the same moment (or the same officer still, whatever the file says the start was). */
    private static boolean sameAssignment(DeviceAssignments.Assignment current, String officerId, OffsetDateTime from) {
        return current.officerId().equals(officerId) && (from == null || !from.isAfter(current.from()));
    }

    private static String subject(String deviceId) {
        return "device:" + deviceId;
    }

    private static String instant(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
    }

    private static Map<String, Object> payload(Object... keyValues) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put((String) keyValues[i], keyValues[i + 1]);
        }
        return p;
    }
}
