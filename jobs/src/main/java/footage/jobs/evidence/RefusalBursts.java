package footage.jobs.evidence;

import footage.jobs.ledger.Ledger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a burst of refused accesses from flooding the ledger: the first {@link #PER_MINUTE} refusals of a user in a
 * clock minute are ledgered one by one, the rest of that minute in one {@code ACCESS_REFUSALS_SUMMARISED} entry written
 * once the minute is over (how many, which recordings). A burst raises {@code footage_access_refusal_bursts_total},
 * for an alert: someone is trying footage they may not see, fast. Summaries wait in memory for at most a minute and a
 * few seconds; a shutdown writes what is pending.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RefusalBursts implements DisposableBean {

    static final int PER_MINUTE = 10;
    static final String SUMMARY = "ACCESS_REFUSALS_SUMMARISED";
    private static final int MAX_LISTED = 100;

    private record Minute(String user, long minute) {
    }

    private static final class Burst {
        int count;
        int beyond;
        final TreeSet<Long> recordings = new TreeSet<>();
    }

    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<Minute, Burst> bursts = new LinkedHashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "refusal-bursts");
        t.setDaemon(true);
        return t;
    });

    RefusalBursts(Ledger ledger, PlatformTransactionManager transactionManager, Optional<Clock> clock,
                  ObjectProvider<MeterRegistry> registry) {
        this.ledger = ledger;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock.orElse(Clock.systemUTC());
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
        flusher.scheduleWithFixedDelay(() -> flush(false), 10, 10, TimeUnit.SECONDS);
    }

    /** Whether this refusal is ledgered on its own; otherwise it is counted into its minute's summary. */
    boolean admit(String user, long recordingId) {
        flush(false);
        synchronized (bursts) {
            Burst b = bursts.computeIfAbsent(new Minute(user, clock.instant().getEpochSecond() / 60), k -> new Burst());
            b.count++;
            if (b.count <= PER_MINUTE) {
                return true;
            }
            b.beyond++;
            if (b.recordings.size() < MAX_LISTED) {
                b.recordings.add(recordingId);
            }
            if (b.beyond == 1) {
                registry.counter("footage.access.refusal.bursts").increment();
            }
            registry.counter("footage.access.refusals.summarised").increment();
            return false;
        }
    }

    /** Writes the summaries of minutes that are over, or of every minute ({@code all}, at shutdown and in tests). */
    void flush(boolean all) {
        long current = clock.instant().getEpochSecond() / 60;
        List<Map.Entry<Minute, Burst>> due = new ArrayList<>();
        synchronized (bursts) {
            for (Iterator<Map.Entry<Minute, Burst>> it = bursts.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Minute, Burst> e = it.next();
                if (all || e.getKey().minute() < current) {
                    it.remove();
                    if (e.getValue().beyond > 0) {
                        due.add(e);
                    }
                }
            }
        }
        for (Map.Entry<Minute, Burst> e : due) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("minute", Instant.ofEpochSecond(e.getKey().minute() * 60).toString());
            payload.put("ledgered", PER_MINUTE);
            payload.put("summarised", e.getValue().beyond);
            payload.put("recordings", String.join(",", e.getValue().recordings.stream().map(String::valueOf).toList()));
            tx.executeWithoutResult(s -> ledger.append(SUMMARY, "user:" + e.getKey().user(), e.getKey().user(), payload));
        }
    }

    @Override
    public void destroy() {
        flusher.shutdownNow();
        flush(true);
    }
}
