package footage.jobs.evidence;

import footage.jobs.export.BagExports;
import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * BagIt exports of external requests (Art. 17, issue 17): what may be exported and downloaded, and the start of
 * {@code requestExportJob} through {@link JobRuns}, the one launcher (serialised across processes: a second export
 * while one runs is refused, not queued). Only an approved EXTERNAL request whose period has not ended is exported; only its
 * requester (the clerk who filed it for the agency) downloads the bag, while the approval lasts. Refusals are ledgered
 * (EXPORT_REFUSED).
 */
@Service
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestExports implements DisposableBean {

    static final String REQUEST = "request";
    static final String BY = "by";
    /** How long a start waits for the job to end before the page says it runs. */
    static final Duration WAIT = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RequestExports.class);

    /** Refused; the code is a message key, the argument (may be null) what the message names. */
    static final class Refused extends RuntimeException {

        private final transient Object argument;

        Refused(String code, Object argument) {
            super(code);
            this.argument = argument;
        }

        String code() {
            return getMessage();
        }

        Object argument() {
            return argument;
        }
    }

    /** @param execution null while the job has not ended within {@link #WAIT} */
    record Started(Long execution, String status) {
    }

    private final AccessRequests requests;
    private final ExportRecords records;
    private final BagExports bags;
    private final JobRuns runs;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService launches = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-export-" + threads.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    RequestExports(AccessRequests requests, ExportRecords records, BagExports bags, JobRuns runs, Optional<Clock> clock) {
        this.requests = requests;
        this.records = records;
        this.bags = bags;
        this.runs = runs;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Why the request's bag may not be made now (a message key), or empty. */
    Optional<String> whyNotExportable(AccessRequests.Request r) {
        if (!"EXTERNAL".equals(r.kind())) {
            return Optional.of("evidence.export.refused.notExternal");
        }
        if (!"APPROVED".equals(r.status())) {
            return Optional.of("evidence.export.refused.notApproved");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!r.validUntil().isAfter(now)) {
            return Optional.of("evidence.export.refused.expired");
        }
        return Optional.empty();
    }

    /**
     * Starts the export job for the request; waits up to {@link #WAIT} so that a refusal (another export running) or a
     * quick export comes back with the answer, else the page shows it running.
     */
    Started start(long requestId, String user) {
        AccessRequests.Request r = requests.find(requestId)
                .orElseThrow(() -> new Refused("evidence.request.refused.unknown", requestId));
        Optional<String> why = whyNotExportable(r);
        if (why.isEmpty() && !bags.organizationSet()) {
            why = Optional.of("evidence.export.refused.organization");
        }
        if (why.isPresent()) {
            records.refused(requestId, null, user, "start", why.get());
            throw new Refused(why.get(), requestId);
        }
        CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> runs.run(RequestExportJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addLong(REQUEST, requestId).addString(BY, user, false).toJobParameters()), launches);
        run.whenComplete((ended, failure) -> log.info("console: export of access request {} by {}: {}", requestId, user,
                failure != null ? failure.getMessage() : "execution " + ended.getId() + " ended " + ended.getStatus()));
        try {
            JobExecution ended = run.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new Started(ended.getId(), ended.getStatus().name());
        } catch (TimeoutException stillRunning) {
            return new Started(null, "STARTED");
        } catch (ExecutionException failed) {
            String reason = failed.getCause() instanceof JobRunRefused refused ? refused.getMessage()
                    : String.valueOf(failed.getCause());
            records.refused(requestId, null, user, "start", reason);
            throw new Refused("evidence.export.refused.busy", reason);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Started(null, "STARTED");
        }
    }

    /**
     * The finished bag of this export of this request, for its requester while the approval lasts; the download is
     * ledgered (EXPORT_DOWNLOADED) before a byte is sent. {@code Refused} with code {@code unknown} for an export that
     * is not this request's or not finished (404); any other refusal is ledgered (403).
     */
    ExportRecords.Export download(long requestId, long exportId, String user) {
        ExportRecords.Export export = records.find(exportId).filter(e -> e.requestId() == requestId && e.finished())
                .orElseThrow(() -> new Refused("evidence.export.refused.unknown", exportId));
        AccessRequests.Request r = requests.find(requestId).orElseThrow();
        String why = null;
        if (!r.requester().equals(user)) {
            why = "evidence.export.refused.notRequester";
        } else if (!"APPROVED".equals(r.status()) || !r.validUntil().isAfter(OffsetDateTime.now(clock))) {
            why = "evidence.export.refused.expired";
        } else if (!Files.isDirectory(Path.of(export.bagPath()))) {
            why = "evidence.export.refused.gone";
        }
        if (why != null) {
            records.refused(requestId, exportId, user, "download", why);
            throw new Refused(why, r.requester());
        }
        records.downloaded(export, user);
        return export;
    }

    @Override
    public void destroy() {
        launches.shutdown();
    }
}
