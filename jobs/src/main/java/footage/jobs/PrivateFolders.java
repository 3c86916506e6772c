package footage.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The folders that hold evidence or what is made from it — viewing proxies and thumbnails (the footage itself, at a
 * lower resolution), export bags, finished dumps, expired copies, approval letters, reports — are their owner's and
 * group's, as the archive is ({@code rwxr-x---}): an account of the machine outside that group would otherwise watch
 * the footage without the console, and without an entry in the access history. Each is created so
 * ({@code DurableFiles.createPrivateDirectories}, as the archive's), and each that a
 * start of any command finds open to others (made by an older version, under a umask of 022) is narrowed and logged.
 * The drop folder itself is left as it is: the docking stations' accounts write to it.
 */
@Component
class PrivateFolders implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(PrivateFolders.class);

    private static final Set<PosixFilePermission> OWNER_AND_GROUP = PosixFilePermissions.fromString("rwxrwx---");

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof FootageProperties footage) {
            of(footage).forEach(PrivateFolders::narrow);
        }
        return bean;
    }

    static List<Path> of(FootageProperties footage) {
        return List.of(footage.archive(), footage.quarantine(), footage.proxies(), footage.home().resolve("thumbnails"),
                footage.exports(), footage.drop().resolve(footage.ingest().doneFolder()), footage.expired(),
                footage.home().resolve("letters"), footage.reports());
    }

    /** Takes others' access away from {@code folder} if it exists and has any; says so. */
    static void narrow(Path folder) {
        narrow(folder, OWNER_AND_GROUP, "it holds evidence or what is made from it; other accounts of this machine are kept out");
    }

    /** Takes every permission outside {@code allowed} away from {@code folder}, if it is a folder; says so, and {@code why}. */
    static void narrow(Path folder, Set<PosixFilePermission> allowed, String why) {
        try {
            if (!Files.isDirectory(folder)) {
                return;
            }
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(folder);
            if (allowed.containsAll(now)) {
                return;
            }
            Set<PosixFilePermission> narrowed = EnumSet.copyOf(now);
            narrowed.retainAll(allowed);
            Files.setPosixFilePermissions(folder, narrowed);
            log.info("{} was {}: now {} ({})", folder, PosixFilePermissions.toString(now), PosixFilePermissions.toString(narrowed),
                    why);
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions: nothing to narrow
        } catch (IOException | UncheckedIOException | SecurityException e) {
            log.warn("{} may be open to other accounts of this machine and could not be narrowed to {} ({}): chown it to "
                    + "footage's user, or chmod it so", folder, PosixFilePermissions.toString(allowed), Failures.rootMessage(e));
        }
    }
}
