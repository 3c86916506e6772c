package footage.jobs.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A folder on a filesystem of its own, for {@code footage.expired}: a fresh tmpfs mounted for the test when the
 * test may mount (root), else a folder in /dev/shm (a tmpfs on Linux). Unmounted when the JVM ends.
 */
final class OtherFilesystem {

    private OtherFilesystem() {
    }

    static Path folder(String prefix) {
        try {
            Path mountPoint = Files.createTempDirectory(prefix + "mnt-");
            if (run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", mountPoint.toString())) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    if (run("umount", "-l", mountPoint.toString())) {
                        mountPoint.toFile().delete();
                    }
                }));
                return mountPoint;
            }
            Files.delete(mountPoint);
            return Files.createTempDirectory(Path.of("/dev/shm"), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean sameFilesystem(Path a, Path b) {
        try {
            return Files.getFileStore(existing(a)).equals(Files.getFileStore(existing(b)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path existing(Path p) {
        Path q = p.toAbsolutePath();
        while (!Files.exists(q)) {
            q = q.getParent();
        }
        return q;
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
