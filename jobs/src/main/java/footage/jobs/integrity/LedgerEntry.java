package footage.jobs.integrity;

import footage.jobs.ledger.Ledger;

import java.time.Instant;

/** One ledger row as stored, nothing recomputed. */
record LedgerEntry(long seq, Instant time, String type, String subject, String actor, String payload, String prevHash,
                   String hash) {

    /** The canonical form the hash covers (docs/ledger.md), rebuilt from the stored fields. */
    String canonical() {
        return Ledger.canonical(seq, time, type, subject, actor, payload);
    }

    /** The hash this entry must have given its stored fields and its predecessor's hash. */
    String recomputedHash(String previousHash) {
        return Ledger.hash(previousHash, canonical());
    }
}
