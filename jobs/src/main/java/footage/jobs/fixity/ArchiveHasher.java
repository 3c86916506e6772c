package footage.jobs.fixity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Re-hashes archive objects: read-only, streamed, in large reads that keep the JDK's SHA-256 intrinsic busy. */
public final class ArchiveHasher {

    /** 4 MiB: fewer system calls than the 1 MiB the copy uses, and small enough to keep one per thread. */
    static final int BUFFER = 4 << 20;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[BUFFER]);

    public record Rehash(String sha256, long size) {
    }

    private ArchiveHasher() {
    }

    public static Rehash hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = BUFFERS.get();
        ByteBuffer wrapped = ByteBuffer.wrap(buf);
        long size = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            while (true) {
                wrapped.clear();
                int n = in.read(wrapped);
                if (n < 0) {
                    break;
                }
                sha.update(buf, 0, n);
                size += n;
            }
        }
        return new Rehash(HexFormat.of().formatHex(sha.digest()), size);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
