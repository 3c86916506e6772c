package footage.jobs;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps the embedded catalog's folder ({@code <home>/db}) to the user footage runs as. H2's mixed mode writes the port
 * and the key of its server into the lock file beside the database, and the catalog's user has no password: whoever
 * can read that file can open the catalog over the loopback port and change it, and whoever can read the database
 * file reads the console's accounts and the access history. So the folder is made {@code rwx------} before the pool
 * first opens the database, and one left wider by an older version is narrowed. PostgreSQL and H2 over TCP are left
 * alone.
 */
@Component
class CatalogFolder implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(CatalogFolder.class);

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource dataSource) {
            of(dataSource.getJdbcUrl()).ifPresent(CatalogFolder::keepToOwner);
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
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (FileAlreadyExistsException e) {
                // an existing catalog
            }
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(folder);
            if (!OWNER_ONLY.containsAll(now)) {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
                log.info("the catalog's folder {} was {}: now rwx------ (its lock file opens the catalog to whoever reads it)",
                        folder, PosixFilePermissions.toString(now));
            }
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: nothing to narrow
        } catch (IOException | SecurityException e) {
            log.warn("the catalog's folder {} may be readable by other users and could not be made rwx------ ({}): "
                    + "whoever reads its lock file can open the catalog", folder, Failures.rootMessage(e));
        }
    }
}
