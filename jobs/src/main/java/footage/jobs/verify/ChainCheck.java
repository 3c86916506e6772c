package footage.jobs.verify;

import footage.jobs.ledger.Ledger;
import footage.jobs.ledger.LedgerEntry;

import java.util.List;
import java.util.function.Consumer;

/**
 * Walks the ledger from its first entry: seq runs 1..n without holes, each prev_hash is the stored hash of the entry
 * before, and each hash is SHA-256 of prev_hash and the canonical form of the stored fields. A broken entry is
 * reported and the walk goes on from its stored hash, so one edited row gives one line, not a line per later row.
 */
final class ChainCheck implements Consumer<LedgerEntry> {

    private final List<Problem> problems;
    private long expectedSeq = 1;
    private String previousHash = Ledger.GENESIS;
    private long entries;

    ChainCheck(List<Problem> problems) {
        this.problems = problems;
    }

    @Override
    public void accept(LedgerEntry e) {
        entries++;
        boolean gap = e.seq() != expectedSeq;
        if (gap) {
            // rows can only vanish by a DELETE (or a rewritten seq); the entry after the hole cannot link either
            String missing = e.seq() == expectedSeq + 1 ? "seq " + expectedSeq
                    : e.seq() > expectedSeq ? "seq " + expectedSeq + ".." + (e.seq() - 1) : null;
            problems.add(missing != null
                    ? new Problem("ledger seq " + expectedSeq + ": entry missing: " + missing + " is not in the ledger "
                    + "(the entry before is seq " + (expectedSeq - 1) + ", the next is seq " + e.seq() + ")")
                    : Problem.ledger(e.seq(), e.type(), e.subject(), "out of order after seq " + (expectedSeq - 1)));
        }
        boolean contentOk = e.hash().equals(e.recomputedHash(e.prevHash()));
        boolean linked = e.prevHash().equals(previousHash);
        if (!contentOk || (!linked && !gap)) {
            StringBuilder what = new StringBuilder();
            if (!contentOk) {
                what.append("its hash does not match its content (stored ").append(e.hash())
                        .append(", recomputed ").append(e.recomputedHash(e.prevHash())).append(')');
            }
            if (!linked && !gap) {
                what.append(what.isEmpty() ? "" : "; ").append("its prev_hash ").append(e.prevHash())
                        .append(" is not the hash of the entry before (").append(previousHash).append(')');
            }
            problems.add(Problem.ledger(e.seq(), e.type(), e.subject(), what.toString()));
        }
        expectedSeq = Math.max(expectedSeq, e.seq()) + 1;
        previousHash = e.hash();
    }

    long entries() {
        return entries;
    }

    /** The stored hash of the last entry walked: what a report's ledgerHead should be. */
    String head() {
        return previousHash;
    }
}
