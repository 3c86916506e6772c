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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The durable write protocol of docs/architecture.md §4: bytes go to a temporary file in the destination folder while they are
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

    /**
     * A temporary name in {@code target}'s folder. It never contains the target's name: a long name would make it
     * longer than a file name may be (255 bytes), however short the target's.
     */
    public static Path tempBeside(Path target) {
        return tempIn(target.toAbsolutePath().getParent());
    }

    /** A new temporary name in {@code folder}: unique across processes (the pid) and across threads (the count). */
    public static Path tempIn(Path folder) {
        return folder.resolve(TEMP_PREFIX + Long.toUnsignedString(System.nanoTime(), 36) + "-" + ProcessHandle.current().pid()
                + "-" + TEMPS.incrementAndGet());
    }

    private static final AtomicLong TEMPS = new AtomicLong();

    /** Files and folders of the archive and the quarantine: the owner and its group, never everyone (rw-r-----). */
    static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-r-----");
    static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwxr-x---");

    /** Creates {@code file} (which must not exist) for writing, readable by no one but its owner and group. */
    static FileChannel createPrivate(Path file) throws IOException {
        try {
            return FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PRIVATE_FILE));
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    /** Creates the folders of {@code dir} that are missing, readable by no one but their owner and group. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(dir);
        }
    }

    /** Writes a small new file {@code file} durably, readable by no one but its owner and group. */
    public static void writePrivate(Path file, byte[] bytes) throws IOException {
        try (FileChannel out = createPrivate(file)) {
            ByteBuffer bb = ByteBuffer.wrap(bytes);
            while (bb.hasRemaining()) {
                out.write(bb);
            }
            out.force(true);
        }
    }

    /**
     * Copies an opened source file into a new private file {@code temp}, hashing as it goes, then fsyncs it; the
     * source must still be as it was registered after the copy ({@link SourceFile#requireUnchanged}).
     */
    public static CopyResult copyAndSync(SourceFile source, Path temp, boolean md5, CopyListener listener) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest m5 = md5 ? digest("MD5") : null;
        long total = source.size();
        CopyResult copy;
        try (FileChannel out = createPrivate(temp)) {
            copy = total >= PIPELINE_FROM
                    ? PipelinedCopy.copy(source.channel(), out, temp, sha, m5, total, listener)
                    : copySmall(source.channel(), out, temp, sha, m5, total, listener);
        }
        source.requireUnchanged(copy.size());
        return copy;
    }

    private static CopyResult copySmall(FileChannel in, FileChannel out, Path temp, MessageDigest sha, MessageDigest m5,
                                        long total, CopyListener listener) throws IOException {
        long done = 0;
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        while (true) {
            buf.clear();
            int n = in.read(buf, done);
            if (n < 0) {
                break;
            }
            buf.flip();
            sha.update(buf.array(), 0, n);
            if (m5 != null) {
                m5.update(buf.array(), 0, n);
            }
            while (buf.hasRemaining()) {
                out.write(buf);
            }
            done += n;
            listener.copying(temp, done, total);
        }
        out.force(true);
        HexFormat hex = HexFormat.of();
        return new CopyResult(hex.formatHex(sha.digest()), m5 == null ? null : hex.formatHex(m5.digest()), done);
    }

    /** Copies {@code source} into a new file {@code temp} (which must not exist), hashing as it goes, then fsyncs it. */
    public static CopyResult copyAndSync(Path source, Path temp, boolean md5, CopyListener listener) throws IOException {
        MessageDigest sha = digest("SHA-256");
        MessageDigest m5 = md5 ? digest("MD5") : null;
        long total = Files.size(source);
        if (total >= PIPELINE_FROM) {
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                return PipelinedCopy.copy(in, out, temp, sha, m5, total, listener);
            }
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
