package footage.jobs.schedule;

import footage.jobs.FootageCommand;
import footage.jobs.ingest.IngestHandOff;
import footage.jobs.partition.NodeRole;
import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code footage serve}: runs the schedules (and the web endpoints) until SIGTERM/SIGINT. On the way down the
 * running jobs stop at a chunk boundary ({@link JobRuns#stopOwnJobs()}) and are left STOPPED, restartable.
 */
@Command(name = "serve", description = "run the schedules (and the console) until stopped; manager and worker: a cluster sharing the ingest over RabbitMQ")
public class ServeCommand implements FootageCommand {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Autowired
    private Schedules schedules;

    @Autowired
    private JobRuns runs;

    @Autowired
    private IngestHandOff handOff;

    @Autowired
    private ApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    /** The values of footage.role. */
    enum Role { ALL, MANAGER, WORKER }

    @Option(names = "--role", paramLabel = "all|manager|worker", description = "a single node (default), or a cluster's manager or worker")
    private Role role;

    @Override
    public List<String> contextProperties(boolean homeGiven) {
        List<String> properties = new ArrayList<>(List.of("--spring.main.web-application-type=servlet"));
        if (role != null) {
            properties.add("--footage.role=" + role.name().toLowerCase(Locale.ROOT));
        }
        return properties;
    }

    @Override
    public boolean readsMedia() {
        return true;
    }

    @Override
    public int run(PrintStream out, PrintStream err) {
        // not a bean: told of the context's closing by a listener of its own
        ((ConfigurableApplicationContext) context).addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        // a worker only runs the partitions the manager sends it: the schedules and restarts are the manager's
        NodeRole node = NodeRole.of(context.getEnvironment());
        // recovered executions are claimed before the schedules start: a firing due at once (missed while no serve
        // ran) must not take the job from under the restart, which would leave the recovered execution never restarted
        if (node != NodeRole.WORKER && runs.restartRecovered()) {
            for (long id : runs.recovered()) {
                try {
                    log.info("restarting recovered execution {}", id);
                    runs.restartInBackground(id);
                } catch (JobRunRefused e) {
                    log.info("recovered execution {} not restarted: {}", id, e.getMessage());
                }
            }
        }
        if (node != NodeRole.WORKER) {
            handOff.open();
            try {
                schedules.start();
            } catch (SchedulerException e) {
                err.println("footage: the schedules could not start: " + e.getMessage());
                return 1;
            }
        }
        String port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? Integer.toString(web.getWebServer().getPort()) : "-";
        out.println("serve: running (port " + port + ")" + (node == NodeRole.ALL ? "" : " as " + node.label())
                + "; stop with SIGTERM or Ctrl-C");
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
