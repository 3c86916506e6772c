package footage.pipeline.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The durable write protocol of DESIGN §5: bytes go to a temporary file in the destination folder while they are
 * hashed, the file is fsynced, renamed atomically, and the folder is fsynced. A crash leaves either no file or a
 * complete one (plus, at worst, a temporary file that {@link #isTemp} recognises).
 */
public final class DurableFiles {

    /** Large buffers keep the JDK's SHA-256 intrinsic busy; a 1 KiB stream buffer halves throughput. */
    static final int BUFFER = 1 << 20;
    /** Below this size the helper threads of {@link PipelinedCopy} cost more than they save. */
    static final long PIPELINE_FROM = 2L * PipelinedCopy.BLOCK;
    public static final String TEMP_PREFIX = ".footage-tmp-";

    private DurableFiles() {
    }

    public static boolean isTemp(Path file) {
        return file.getFileName().toString().startsWith(TEMP_PREFIX);
    }

    public static Path tempBeside(Path target) {
        return target.resolveSibling(TEMP_PREFIX + Long.toUnsignedString(System.nanoTime(), 36)
                + "-" + ProcessHandle.current().pid() + "-" + target.getFileName());
    }

    /** Copies {@code source} into a new file {@code temp} (which must not exist), hashing as it goes, then fsyncs it. */
    public static CopyResult copyAndSync(Path source, Path temp, boolean md5, CopyListener listener) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest m5 = md5 ? digest("MD5") : null;
        long total = Files.size(source);
        if (total >= PIPELINE_FROM) {
            return PipelinedCopy.copy(source, temp, sha, m5, total, listener);
        }
        long done = 0;
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(source);
             FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                sha.update(buf, 0, n);
                if (m5 != null) {
                    m5.update(buf, 0, n);
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                done += n;
                listener.copying(temp, done, total);
            }
            out.force(true);
        }
        HexFormat hex = HexFormat.of();
        return new CopyResult(hex.formatHex(sha.digest()), m5 == null ? null : hex.formatHex(m5.digest()), done);
    }

    /** Renames {@code temp} to {@code target} atomically, never replacing an existing file, and syncs the folder. */
    public static void publish(Path temp, Path target) throws IOException {
        try {
            // a hard link fails if the target exists, which a plain atomic move on Linux would silently replace
            Files.createLink(target, temp);
            Files.delete(temp);
        } catch (UnsupportedOperationException | AtomicMoveNotSupportedException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        syncDirectory(target.getParent());
    }

    public static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some filesystems refuse to open directories for sync; the rename is still atomic there
            if (!e.getMessage().contains("Is a directory")) {
                throw e;
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest sha = digest("SHA-256");
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JDK", e);
        }
    }
}
