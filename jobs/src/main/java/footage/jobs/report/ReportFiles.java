package footage.jobs.report;

import footage.pipeline.archive.DurableFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Report files are written like archive objects (docs/architecture.md §4): temp file beside the target, fsync, atomic rename,
 * folder fsync. A reader never sees half a report, and a crash leaves at most a recognisable temp file.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** @param replace whether an existing file may be replaced (a user's --out) or not (the report folder) */
    static void write(Path target, byte[] bytes, boolean replace) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        DurableFiles.createPrivateDirectories(folder);
        Path temp = DurableFiles.tempBeside(target.toAbsolutePath());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (replace) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                DurableFiles.syncDirectory(folder);
            } else {
                DurableFiles.publish(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
