package footage.jobs.cli;

import org.springframework.context.ConfigurableApplicationContext;
import sun.misc.Signal;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * SIGTERM and SIGINT (Ctrl-C) stop a command the orderly way: the Spring context is closed first — a running job is
 * told to stop at its next chunk boundary and waited for, claims are released, the pool is closed — and only then
 * does the JVM exit, with 128 + the signal's number as a shell expects (143, 130). Left to the JVM's shutdown hooks,
 * the embedded H2 database closes itself in its own hook while the job is still writing to it. A second signal while
 * closing exits at once.
 */
final class SignalShutdown {

    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static volatile int exitCode;

    private SignalShutdown() {
    }

    static void install(ConfigurableApplicationContext context) {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop(context, 128 + signal.getNumber()));
            } catch (IllegalArgumentException e) {
                // a platform or JVM option (-Xrs) that keeps this signal: the JVM's own handling stays
            }
        }
    }

    /** 128 + the signal's number once a signal asked the command to stop, else 0. */
    static int exitCode() {
        return exitCode;
    }

    private static void stop(ConfigurableApplicationContext context, int code) {
        if (!STOPPING.compareAndSet(false, true)) {
            Runtime.getRuntime().halt(code);
        }
        exitCode = code;
        // not on the signal dispatcher thread: closing waits for the job, and a second signal must still get through
        Thread closing = new Thread(() -> {
            try {
                context.close();
            } finally {
                System.exit(code);
            }
        }, "footage-signal-shutdown");
        closing.start();
    }
}
