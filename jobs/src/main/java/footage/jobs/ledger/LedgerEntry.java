package footage.jobs.ledger;


import java.time.Instant;

/** One ledger row as stored, nothing recomputed. */
public record LedgerEntry(long seq, Instant time, String type, String subject, String actor, String payload, String prevHash,
                   String hash) {

    /** The canonical form the hash covers (docs/ledger.md), rebuilt from the stored fields. */
    public String canonical() {
        return Ledger.canonical(seq, time, type, subject, actor, payload);
    }

    /** The hash this entry must have given its stored fields and its predecessor's hash. */
    public String recomputedHash(String previousHash) {
        return Ledger.hash(previousHash, canonical());
    }
}
