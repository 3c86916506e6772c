package footage.pipeline.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A file of a dump, opened once for everything that reads it (sniffing, copying), never through a link, and checked
 * to be the file that discovery registered.
 *
 * <p>What is guaranteed: the file read is not a symbolic link ({@link LinkOption#NOFOLLOW_LINKS} opens with
 * {@code O_NOFOLLOW}); no folder on its way is a link that leads out of the dump folder (the real path of its folder is
 * compared before and after opening); and the name pointed at the registered file (same device and inode, a regular
 * file) both just before and just after it was opened. The JDK cannot stat an open channel, so a file swapped in and
 * swapped back between those two looks ups (microseconds apart) is not noticed; even then the file read was a regular
 * file inside the dump folder, never a link to one outside it. After the copy the file must still have its registered
 * size and modification time, so a file still being written is never settled at some size it happened to have.
 */
public final class SourceFile implements Closeable {

    /** What discovery saw: size, modification time (ns since the epoch) and file key; the last two may be unknown. */
    public record Registered(long size, Long mtimeNanos, String fileKey) {
    }

    /** The name no longer leads to the registered file: it is a link now, another file, or gone. Not taken in. */
    public static final class Replaced extends IOException {
        Replaced(String message) {
            super(message);
        }
    }

    /** The registered file, but its size or modification time moved: still being written. Taken again once stable. */
    public static final class Changing extends IOException {
        private final transient Registered now;

        Changing(String message, Registered now) {
            super(message);
            this.now = now;
        }

        /** The file as it is now: what to compare with next time. */
        public Registered now() {
            return now;
        }
    }

    private final Path path;
    private final FileChannel channel;
    private final Registered registered;

    private SourceFile(Path path, FileChannel channel, Registered registered) {
        this.path = path;
        this.channel = channel;
        this.registered = registered;
    }

    /** The file as it is now, not following a link; null when there is none or it is not a regular file. */
    public static Registered observe(Path path) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            return null;
        }
        return new Registered(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                a.fileKey() == null ? null : a.fileKey().toString());
    }

    /**
     * Opens {@code path}, a file below {@code dumpFolder}, if it is still the registered one.
     *
     * @throws Replaced when it is not (a link, another file, a folder, gone), with a one-line reason
     * @throws Changing when it is, but its size or modification time is not the registered one
     */
    public static SourceFile open(Path dumpFolder, Path path, Registered registered) throws IOException {
        if (Files.isSymbolicLink(dumpFolder)) {
            throw new Replaced("the dump folder was replaced by a symbolic link after it was registered; links are not followed");
        }
        Path expectedFolder = dumpFolder.toRealPath().resolve(dumpFolder.relativize(path.getParent())).normalize();
        requireRegistered(path, registered, expectedFolder, "before it was opened");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new Replaced("the file is no longer in the dump folder");
        } catch (FileSystemException e) {
            if (Objects.toString(e.getReason(), "").contains("symbolic links")) {
                throw new Replaced("the file was replaced by a symbolic link after it was registered; links are not followed");
            }
            throw e;
        }
        try {
            Registered now = requireRegistered(path, registered, expectedFolder, "after it was opened");
            SourceFile source = new SourceFile(path, channel, registered);
            source.requireSize(now, "since it was registered");
            return source;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Registered requireRegistered(Path path, Registered registered, Path expectedFolder, String when)
            throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new Replaced("the file is no longer in the dump folder");
        }
        if (a.isSymbolicLink()) {
            throw new Replaced("the file was replaced by a symbolic link after it was registered; links are not followed");
        }
        if (!a.isRegularFile()) {
            throw new Replaced("the file was replaced by something that is not a regular file after it was registered");
        }
        Path folder;
        try {
            folder = path.getParent().toRealPath();
        } catch (NoSuchFileException e) {
            throw new Replaced("the file's folder is no longer in the dump folder");
        }
        if (!folder.equals(expectedFolder)) {
            throw new Replaced("a folder on the file's path was replaced by a link (to " + folder + ") after it was registered");
        }
        String key = a.fileKey() == null ? null : a.fileKey().toString();
        if (registered.fileKey() != null && key != null && !sameFile(registered.fileKey(), key, folder)) {
            throw new Replaced("the file was replaced by another file " + when + " (registered as " + registered.fileKey()
                    + ", now " + key + ")");
        }
        return new Registered(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), key);
    }

    /**
     * Whether two file keys ({@code (dev=..,ino=..)}) name the same file. A cluster worker sees the shared drop folder
     * through its own mount, whose device number is not the one discovery saw on the manager: when the dump's folder
     * itself has another device number than the registered file had, only the inodes are compared.
     */
    static boolean sameFile(String registered, String now, Path folder) throws IOException {
        if (registered.equals(now)) {
            return true;
        }
        String regDev = part(registered, "dev");
        String regIno = part(registered, "ino");
        if (regDev == null || regIno == null || !regIno.equals(part(now, "ino"))) {
            return false;
        }
        Object folderKey = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        return folderKey != null && !regDev.equals(part(folderKey.toString(), "dev"));
    }

    private static String part(String key, String name) {
        for (String p : key.replace("(", "").replace(")", "").split(",")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    private void requireSize(Registered now, String since) throws Changing {
        boolean sizeMoved = now.size() != registered.size();
        boolean timeMoved = registered.mtimeNanos() != null && !registered.mtimeNanos().equals(now.mtimeNanos());
        if (sizeMoved || timeMoved) {
            throw new Changing("still changing: " + (sizeMoved
                    ? "its size went from " + registered.size() + " to " + now.size() + " bytes"
                    : "it was modified") + " " + since + "; taken again once it is stable",
                    new Registered(now.size(), now.mtimeNanos(), registered.fileKey() == null ? now.fileKey() : registered.fileKey()));
        }
    }

    /** Throws {@link Changing} unless the file still has its registered size and modification time, and
     * {@code copied} bytes of it were read: call after copying, before the copy is published. */
    public void requireUnchanged(long copied) throws IOException {
        Registered now = observe(path);
        if (now == null) {
            throw new Replaced("the file was removed or replaced while it was copied");
        }
        requireSize(now, "while it was copied");
        if (copied != registered.size()) {
            throw new Changing("still changing: " + copied + " bytes were read of a file registered at "
                    + registered.size() + " bytes; taken again once it is stable", now);
        }
    }

    public Path path() {
        return path;
    }

    public FileChannel channel() {
        return channel;
    }

    public long size() {
        return registered.size();
    }

    /** Up to {@code n} bytes from the start (the channel's position is not used). */
    public byte[] head(int n) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(n);
        long at = 0;
        while (buf.hasRemaining()) {
            int read = channel.read(buf, at);
            if (read < 0) {
                break;
            }
            at += read;
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
