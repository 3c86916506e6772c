package footage.jobs.ingest;

import footage.jobs.Failures;
import footage.jobs.FootageProperties;
import footage.jobs.UsageException;
import footage.jobs.runs.JobRuns;
import footage.pipeline.text.DisplayText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code serve}'s side of a command-line ingest handed to it (docs/architecture.md §6): a socket in the home
 * ({@code HOME/run/serve.sock}, in a folder only serve's user may enter) on which {@code footage ingest} asks this
 * process to run the job, then gets its progress, summary and exit code. The run is this process's own, started
 * through {@link JobRuns} like a scheduled one: the JVM that is already up and warm does the work, and the command
 * pays no start-up of its own (BENCHMARKS.md §1–3).
 */
@Component
public class IngestHandOff implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(IngestHandOff.class);

    /** Progress lines a client has not read yet; more are dropped rather than hold up the run. */
    private static final int PROGRESS_BACKLOG = 256;

    private final FootageProperties properties;
    private final JobRuns runs;
    private final IngestSummary summary;
    private final IngestProgress progress;
    private ServerSocketChannel server;
    private Path socket;

    IngestHandOff(FootageProperties properties, JobRuns runs, IngestSummary summary, IngestProgress progress) {
        this.properties = properties;
        this.runs = runs;
        this.summary = summary;
        this.progress = progress;
    }

    /**
     * Listens until the context closes. Returns the socket, or null when this process cannot listen (said in the log):
     * another {@code serve} listens on the home already, or the socket's place is taken by something else.
     */
    public synchronized Path open() {
        Path place = HandOff.socket(properties.home());
        try {
            Path folder = place.getParent();
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            if (Files.exists(place, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.readAttributes(place, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
                    log.warn("command-line ingests run in their own process: {} is not a socket (left as it is)", place);
                    return null;
                }
                if (HandOff.answers(place)) {
                    log.warn("command-line ingests go to the other serve that listens on {}", place);
                    return null;
                }
                // left by a serve that was killed: nobody listens on it
                Files.delete(place);
            }
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(place));
            Files.setPosixFilePermissions(place, PosixFilePermissions.fromString("rw-------"));
            server = channel;
            socket = place;
        } catch (IOException | RuntimeException e) {
            log.warn("command-line ingests run in their own process: cannot listen on {}: {}", place, Failures.rootMessage(e));
            return null;
        }
        Thread accepting = new Thread(this::accept, "ingest-hand-off");
        accepting.setDaemon(true);
        accepting.start();
        log.info("command-line ingests on this home are run here (socket {})", place);
        return place;
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (server != null) {
            server.close();
            Files.deleteIfExists(socket);
            server = null;
        }
    }

    private void accept() {
        ServerSocketChannel channel;
        synchronized (this) {
            channel = server;
        }
        while (channel != null && channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                Thread answering = new Thread(() -> answer(client), "ingest-hand-off-client");
                answering.setDaemon(true);
                answering.start();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                log.warn("a command-line ingest could not connect: {}", e.getMessage());
            }
        }
    }

    private void answer(SocketChannel channel) {
        try (channel;
             DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
            String greeting;
            try {
                greeting = in.readUTF();
            } catch (EOFException e) {
                // another serve's look whether this one listens
                return;
            }
            if (!HandOff.GREETING.equals(greeting)) {
                HandOff.write(out, HandOff.REFUSED, "serve speaks " + HandOff.GREETING + ", the command "
                        + DisplayText.escapeControls(greeting) + " (another build)");
                return;
            }
            String command = in.readUTF();
            Path drop = Path.of(in.readUTF());
            if (!HandOff.INGEST.equals(command)) {
                HandOff.write(out, HandOff.REFUSED, "serve runs only ingest for the command line, not "
                        + DisplayText.escapeControls(command));
                return;
            }
            if (!drop.equals(properties.drop())) {
                HandOff.write(out, HandOff.REFUSED, "serve takes dumps from " + properties.drop() + ", not " + drop);
                return;
            }
            HandOff.write(out, HandOff.TAKEN, Long.toString(ProcessHandle.current().pid()));
            log.info("an ingest handed over from the command line starts");
            int code = run(out);
            HandOff.write(out, HandOff.EXIT, Integer.toString(code));
        } catch (IOException | RuntimeException e) {
            log.warn("a command-line ingest handed to serve went away: {} (its run, if any, goes on here)",
                    Failures.rootMessage(e));
        }
    }

    /** The run, as {@code footage ingest} runs it, its progress sent as it comes and its summary at the end. */
    private int run(DataOutputStream out) throws IOException {
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(PROGRESS_BACKLOG);
        Thread sending = new Thread(() -> send(lines, out), "ingest-hand-off-progress");
        sending.setDaemon(true);
        sending.start();
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int code;
        byte stream = HandOff.STDOUT;
        try (AutoCloseable watching = progress.watch(lines::offer)) {
            JobExecution execution = runs.run(IngestJobConfiguration.JOB_NAME);
            summary.print(new PrintStream(text, true, StandardCharsets.UTF_8), execution);
            code = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        } catch (UsageException e) {
            text.writeBytes(("footage: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
            stream = HandOff.STDERR;
            code = 2;
        } catch (Exception e) {
            text.writeBytes(("footage: ingest failed: " + Failures.rootMessage(e) + "\n").getBytes(StandardCharsets.UTF_8));
            stream = HandOff.STDERR;
            code = 1;
        } finally {
            sending.interrupt();
        }
        try {
            sending.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (out) {
            HandOff.write(out, stream, text.toString(StandardCharsets.UTF_8));
        }
        return code;
    }

    /** Sends progress lines until interrupted, then what is left of them. */
    private static void send(BlockingQueue<String> lines, DataOutputStream out) {
        try {
            while (true) {
                String line;
                try {
                    line = lines.take();
                } catch (InterruptedException e) {
                    break;
                }
                synchronized (out) {
                    HandOff.write(out, HandOff.PROGRESS, line);
                }
            }
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                synchronized (out) {
                    HandOff.write(out, HandOff.PROGRESS, line);
                }
            }
        } catch (IOException e) {
            // the command went away; its run goes on, and its lines with it
            lines.clear();
        }
    }
}
