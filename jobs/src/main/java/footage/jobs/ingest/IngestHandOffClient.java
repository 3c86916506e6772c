package footage.jobs.ingest;

import footage.jobs.Failures;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The command line's side of an ingest handed to the {@code serve} that runs on the home ({@link IngestHandOff}): asks
 * it to run the job, shows the progress and summary it sends, and ends with its exit code. Empty when no serve takes
 * the run (none runs, a socket left by a killed one, another drop folder): the command then runs the job itself.
 */
final class IngestHandOffClient {

    private IngestHandOffClient() {
    }

    static OptionalInt run(Path home, Path drop, PrintStream out, PrintStream err) {
        Path socket = HandOff.socket(home);
        if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
            return OptionalInt.empty();
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (ConnectException e) {
            // left by a serve that was killed
            return OptionalInt.empty();
        } catch (IOException | RuntimeException e) {
            err.println("footage: serve's socket " + socket + " cannot be reached (" + reason(e)
                    + "): the ingest runs in this process");
            return OptionalInt.empty();
        }
        boolean taken = false;
        try (channel;
             DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
             DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
            request.writeUTF(HandOff.GREETING);
            request.writeUTF(HandOff.INGEST);
            request.writeUTF(drop.toString());
            request.flush();
            HandOff.Frame answer = HandOff.read(in);
            if (answer.tag() != HandOff.TAKEN) {
                err.println("footage: the ingest runs in this process: " + answer.text());
                return OptionalInt.empty();
            }
            taken = true;
            err.println("footage: ingest handed to the serve running on this home (pid " + answer.text()
                    + "); Ctrl-C leaves the run to it (footage jobs list shows it)");
            while (true) {
                HandOff.Frame frame = HandOff.read(in);
                switch (frame.tag()) {
                    case HandOff.PROGRESS -> err.println(frame.text());
                    case HandOff.STDOUT -> out.print(frame.text());
                    case HandOff.STDERR -> err.print(frame.text());
                    case HandOff.EXIT -> {
                        out.flush();
                        return OptionalInt.of(Integer.parseInt(frame.text()));
                    }
                    default -> throw new IOException("an answer this build does not know (" + (char) frame.tag() + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!taken) {
                err.println("footage: serve on this home did not answer (" + reason(e) + "): the ingest runs in this process");
                return OptionalInt.empty();
            }
            err.println("footage: serve went away before the ingest ended (" + reason(e)
                    + "): footage jobs list shows how its run ended");
            return OptionalInt.of(1);
        }
    }

    private static String reason(Exception e) {
        // a closed connection ends a read with an EOFException that has no message
        return e instanceof EOFException && e.getMessage() == null ? "it closed the connection" : Failures.rootMessage(e);
    }
}
