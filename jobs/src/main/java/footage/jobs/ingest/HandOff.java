package footage.jobs.ingest;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What a command-line ingest and a running {@code serve} say to each other over the home's socket
 * ({@code HOME/run/serve.sock}, docs/architecture.md §6): the client's request (a greeting, the command, the drop folder
 * it would take dumps from), then frames of the server's answer, each a tag byte, a length and UTF-8 text.
 */
final class HandOff {

    /** Changes whenever the frames below do: a client and server of different builds then refuse each other. */
    static final String GREETING = "footage-hand-off/1";
    static final String INGEST = "ingest";

    /** The run is taken: the text is the serving process's pid. */
    static final byte TAKEN = 'T';
    /** Not taken, in words: the client runs the command itself. */
    static final byte REFUSED = 'R';
    /** A line for the client's standard error while the run goes on (progress). */
    static final byte PROGRESS = 'P';
    static final byte STDOUT = 'O';
    static final byte STDERR = 'E';
    /** The last frame: the command's exit code in decimal. */
    static final byte EXIT = 'X';

    /** Frames longer than this are not from a footage process. */
    private static final int LONGEST_FRAME = 16 << 20;

    private HandOff() {
    }

    static Path socket(Path home) {
        return home.resolve("run").resolve("serve.sock");
    }

    /** True when a process listens on the socket (a connection is taken, then closed at once). */
    static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return channel.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    static void write(DataOutputStream out, byte tag, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeByte(tag);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    record Frame(byte tag, String text) {
    }

    static Frame read(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > LONGEST_FRAME) {
            throw new IOException("a frame of " + length + " bytes: not a footage process");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("the frame ends after " + bytes.length + " of " + length + " bytes");
        }
        return new Frame(tag, new String(bytes, StandardCharsets.UTF_8));
    }
}
