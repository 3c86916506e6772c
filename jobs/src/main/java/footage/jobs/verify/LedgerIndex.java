package footage.jobs.verify;

import footage.jobs.ledger.LedgerEntry;
import footage.pipeline.text.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the ledger says about each catalog row, collected while the chain is walked: per subject the entries that
 * fix a column's value. The catalog is then compared with it row by row ({@link CatalogCheck}).
 */
final class LedgerIndex implements Consumer<LedgerEntry> {


    /** An entry and its parsed payload (an empty object when the payload is not JSON: the chain check reports that). */
    record Fact(long seq, String type, JsonNode payload) {
        String text(String field) {
            JsonNode v = payload.get(field);
            return v == null || v.isNull() ? null : v.asString();
        }

        Long number(String field) {
            JsonNode v = payload.get(field);
            return v == null || v.isNull() || !v.canConvertToLong() ? null : v.asLong();
        }

        boolean has(String field) {
            return payload.has(field);
        }

        String label() {
            return "ledger seq " + seq + " (" + type + ")";
        }
    }

    static final class RecordingFacts {
        Fact ingested;      // RECORDING_ARCHIVED or RECORDING_DAMAGED
        Fact location;      // the latest entry naming an archivePath
        Fact fixity;        // the latest FIXITY_CHECKED or FIXITY_FAILED
        Fact status;        // the latest entry saying its status: its ingest, or a DECODE_CHECKED
    }

    static final class FindingFacts {
        Fact raised;
        Fact superseded;    // the latest FINDING_SUPERSEDED or FINDING_REOPENED
        Fact explained;     // the latest FINDING_EXPLAINED
    }

    static final class DumpFacts {
        Fact registered;
        Fact done;
    }

    final Map<Long, RecordingFacts> recordings = new HashMap<>();
    final Map<Long, Fact> dumpFiles = new HashMap<>();
    final Map<String, FindingFacts> findings = new HashMap<>();
    final Map<Long, DumpFacts> dumps = new HashMap<>();

    @Override
    public void accept(LedgerEntry e) {
        int colon = e.subject().indexOf(':');
        if (colon < 0) {
            return;
        }
        String kind = e.subject().substring(0, colon);
        String id = e.subject().substring(colon + 1);
        switch (kind) {
            case "recording" -> recording(e, id);
            case "dump-file" -> dumpFile(e, id);
            case "finding" -> finding(e, id);
            case "dump" -> dump(e, id);
            default -> {
                // exports, verify runs and later features: nothing in the catalog to compare
            }
        }
    }

    private void recording(LedgerEntry e, String id) {
        Long key = number(id);
        if (key == null) {
            return;
        }
        RecordingFacts facts = recordings.computeIfAbsent(key, k -> new RecordingFacts());
        Fact fact = fact(e);
        switch (e.type()) {
            case "RECORDING_ARCHIVED", "RECORDING_DAMAGED" -> {
                facts.ingested = fact;
                facts.status = fact;
            }
            case "DECODE_CHECKED" -> facts.status = fact;
            case "FIXITY_CHECKED", "FIXITY_FAILED" -> facts.fixity = fact;
            default -> {
            }
        }
        if (fact.has("archivePath")) {
            facts.location = fact;
        }
    }

    private void dumpFile(LedgerEntry e, String id) {
        Long key = number(id);
        if (key != null && (e.type().startsWith("FILE_") || e.type().equals("DUPLICATE_LINKED"))) {
            dumpFiles.put(key, fact(e));
        }
    }

    private void finding(LedgerEntry e, String id) {
        FindingFacts facts = findings.computeIfAbsent(id, k -> new FindingFacts());
        switch (e.type()) {
            case "FINDING_RAISED" -> facts.raised = fact(e);
            case "FINDING_SUPERSEDED", "FINDING_REOPENED" -> facts.superseded = fact(e);
            case "FINDING_EXPLAINED" -> facts.explained = fact(e);
            default -> {
            }
        }
    }

    private void dump(LedgerEntry e, String id) {
        Long key = number(id);
        if (key == null) {
            return;
        }
        DumpFacts facts = dumps.computeIfAbsent(key, k -> new DumpFacts());
        switch (e.type()) {
            case "DUMP_REGISTERED" -> facts.registered = fact(e);
            case "DUMP_DONE" -> facts.done = fact(e);
            default -> {
            }
        }
    }

    private static Fact fact(LedgerEntry e) {
        JsonNode payload;
        try {
            payload = Json.MAPPER.readTree(e.payload());
        } catch (JacksonException ex) {
            payload = null;
        }
        return new Fact(e.seq(), e.type(), payload != null && payload.isObject() ? payload : Json.MAPPER.createObjectNode());
    }

    private static Long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
