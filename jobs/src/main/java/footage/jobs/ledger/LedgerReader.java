package footage.jobs.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Reads ledger rows as stored, in seq order; never writes (the ledger is append-only and only Ledger appends). */
@Component
public class LedgerReader {

    /** Rows per query: keeps memory flat on a ledger of millions of entries, whatever the JDBC driver buffers. */
    private static final int PAGE = 5_000;
    private static final String COLUMNS = "SELECT seq, entry_time, entry_type, subject, actor, payload, prev_hash, hash FROM ledger ";

    private final JdbcClient jdbc;

    LedgerReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry from the first, in seq order. */
    public void forEach(Consumer<LedgerEntry> consumer) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<LedgerEntry> page = jdbc.sql(COLUMNS + "WHERE seq > ? ORDER BY seq LIMIT " + PAGE)
                    .param(after).query(LedgerReader::entry).list();
            page.forEach(consumer);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).seq();
        }
    }

    /** Every entry about one of the subjects (e.g. {@code recording:12}), in seq order. */
    public List<LedgerEntry> about(Collection<String> subjects) {
        List<String> all = new ArrayList<>(subjects);
        List<LedgerEntry> entries = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            entries.addAll(jdbc.sql(COLUMNS + "WHERE subject IN (:subjects) ORDER BY seq")
                    .param("subjects", all.subList(i, Math.min(all.size(), i + 500)))
                    .query(LedgerReader::entry).list());
        }
        entries.sort(java.util.Comparator.comparingLong(LedgerEntry::seq));
        return entries;
    }

    private static LedgerEntry entry(ResultSet rs, int n) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getObject("entry_time", OffsetDateTime.class).toInstant(),
                rs.getString("entry_type"), rs.getString("subject"), rs.getString("actor"), rs.getString("payload"),
                rs.getString("prev_hash"), rs.getString("hash"));
    }
}
