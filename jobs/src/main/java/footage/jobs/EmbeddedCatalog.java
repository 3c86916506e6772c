package footage.jobs;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded H2 catalog ({@code <home>/db}), made ready before the connection pool first opens it:
 * <ul>
 * <li>Its folder is the user footage runs as's alone. H2's mixed mode writes the port and the key of its server into
 * the lock file beside the database, and the catalog's user has no password: whoever can read that file can open the
 * catalog over the loopback port and change it, and whoever can read the database file reads the console's accounts
 * and the access history. So the folder is made {@code rwx------}, and one left wider by an older version is
 * narrowed.</li>
 * <li>A process that opens it while another takes the file over from a killed one (serve restarted by its service
 * manager while an operator runs a command) is refused by H2 for some seconds ("Lock file recently modified"): such a
 * refusal is tried again for up to {@link #TAKE_OVER_WAIT}; any other failure is reported at once.</li>
 * </ul>
 * PostgreSQL and H2 over TCP are left alone.
 */
@Component
class EmbeddedCatalog implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCatalog.class);

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    /** Longer than H2 needs to take over a stale lock (about 3 s) or to see another process's take-over through. */
    static final Duration TAKE_OVER_WAIT = Duration.ofSeconds(20);

    /** H2's ERROR_OPENING_DATABASE_1 and DATABASE_ALREADY_OPEN_1. */
    private static final int OPENING = 8000;
    private static final int ALREADY_OPEN = 90020;
    private static final List<String> TAKING_OVER = List.of("Lock file recently modified", "Another process was faster",
            "Concurrent update");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getDataSource() == null) {
            of(pool.getJdbcUrl()).ifPresent(folder -> {
                keepToOwner(folder);
                pool.setDataSource(new WaitingForTakeOver(pool, TAKE_OVER_WAIT));
            });
        }
        return bean;
    }

    /** The folder of an embedded H2 database's files, empty for any other URL. */
    static Optional<Path> of(String url) {
        if (url == null || !url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("[A-Za-z]{2,}:.*")) {
            // mem:, tcp:, ssl: or another of H2's file systems (zip:, nioMapped:, ...)
            return Optional.empty();
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        Path parent = Path.of(name).toAbsolutePath().normalize().getParent();
        return Optional.ofNullable(parent);
    }

    static void keepToOwner(Path folder) {
        try {
            Files.createDirectories(folder.getParent());
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            // an existing catalog (or not a folder, which H2 says when it opens the database)
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // H2 says what keeps it from making its folder
        }
        PrivateFolders.narrow(folder, OWNER_ONLY, "its lock file opens the catalog to whoever reads it");
    }

    /** Whether H2 refused a connection because another process is taking the file over (it passes). */
    static boolean takingOver(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return e.getErrorCode() == ALREADY_OPEN
                || e.getErrorCode() == OPENING && TAKING_OVER.stream().anyMatch(message::contains);
    }

    /** The pool's connections to the file, a take-over's refusals tried again until {@code wait} has passed. */
    static final class WaitingForTakeOver extends DelegatingDataSource {

        private final Duration wait;

        /** Connections as the pool would make them itself (Hikari's own driver data source). */
        WaitingForTakeOver(HikariDataSource pool, Duration wait) {
            this(new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), pool.getDataSourceProperties(),
                    pool.getUsername(), pool.getPassword()), wait);
        }

        WaitingForTakeOver(String url, Duration wait) {
            this(new DriverDataSource(url, null, new Properties(), null, null), wait);
        }

        private WaitingForTakeOver(DataSource driver, Duration wait) {
            super(driver);
            this.wait = wait;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return waiting(() -> obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return waiting(() -> obtainTargetDataSource().getConnection(username, password));
        }

        private interface Attempt {
            Connection connect() throws SQLException;
        }

        private Connection waiting(Attempt attempt) throws SQLException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                try {
                    return attempt.connect();
                } catch (SQLException e) {
                    if (!takingOver(e) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    log.debug("the catalog is being taken over by another process; trying again: {}", e.getMessage());
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while the catalog was being taken over", e);
                }
            }
        }
    }
}
