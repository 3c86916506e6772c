package footage.jobs.retention;

import footage.jobs.FootageProperties;
import footage.jobs.catalog.ObjectLocations;
import footage.pipeline.archive.DurableFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The sweep's recovery step for derivatives, in the step's transaction: finishes removals a killed sweep left, removes
 * copies no row names (or keeps them when their recording moves in this sweep), and moves derivatives that were made
 * for a recording after it was moved out (a transcode running during a sweep). Originals go only after the commit.
 */
@Component
class DerivativeRecovery {

    private static final Logger log = LoggerFactory.getLogger(DerivativeRecovery.class);

    private final DerivativeMoves moves;
    private final JdbcClient jdbc;
    private final RetentionRows rows;
    private final SweepRules rules;
    private final FootageProperties properties;

    DerivativeRecovery(DerivativeMoves moves, JdbcClient jdbc, RetentionRows rows, SweepRules rules,
                       FootageProperties properties) {
        this.moves = moves;
        this.jdbc = jdbc;
        this.rows = rows;
        this.rules = rules;
        this.properties = properties;
    }

    void recover(LocalDate today, long sweep) throws IOException {
        if (!moves.available()) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (String moved : moves.movedPaths()) {
            String path = moved.substring((ObjectLocations.EXPIRED_PREFIX + DerivativeMoves.FOLDER).length());
            named.add(path);
            if (Files.exists(moves.original(path))) {
                Optional<DerivativeMoves.Derivative> d = byPath(moved);
                try {
                    if (d.isPresent()) {
                        moves.requireIntact(moves.copy(path), d.get());
                    }
                    moves.removeOriginal(path);
                    log.info("sweep: derivative {}: interrupted move finished", path);
                } catch (ExpiredStore.NotIntact bad) {
                    log.error("sweep: derivative {} is catalogued in expired/ but {}; its original stays", path, bad.getMessage());
                }
            }
        }
        for (String path : moves.filesInExpired()) {
            if (named.contains(path)) {
                continue;
            }
            Path file = moves.copy(path);
            if (DurableFiles.isTemp(file)) {
                Files.deleteIfExists(file);
                continue;
            }
            Optional<DerivativeMoves.Derivative> d = byPath(path);
            boolean reused = d.isPresent() && Files.exists(moves.original(path)) && rows.byId(d.get().recordingId())
                    .map(r -> rules.keeps(r, today).isEmpty()).orElse(false);
            if (d.isEmpty() || !Files.exists(moves.original(path))) {
                log.warn("sweep: expired/{}{} is named by no derivative row, or its original is missing; left for a person "
                        + "to look at", DerivativeMoves.FOLDER, path);
            } else if (!reused) {
                moves.removeCopy(path);
            }
        }
        for (DerivativeMoves.Derivative d : moves.stragglers()) {
            try {
                moves.copyIn(d);
            } catch (ExpiredStore.NotIntact bad) {
                log.error("sweep: derivative {} of moved-out recording {} stays in footage.proxies: {}", d.id(),
                        d.recordingId(), bad.getMessage());
                continue;
            }
            moves.record(d, sweep, properties.ingest().actor());
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    try {
                        moves.removeOriginal(d.path());
                    } catch (IOException e) {
                        log.warn("sweep: derivative {} moved out, its original not removed yet ({}); the next sweep does",
                                d.id(), e.toString());
                    }
                }
            });
            log.info("sweep: derivative {} of moved-out recording {} followed it to expired/", d.id(), d.recordingId());
        }
    }

    private Optional<DerivativeMoves.Derivative> byPath(String path) {
        return jdbc.sql("SELECT id, recording_id, path, sha256, size_bytes FROM derivatives WHERE path = ?").param(path)
                .query(DerivativeMoves::derivative)
                .optional();
    }
}
