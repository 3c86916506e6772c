package footage.jobs.schedule;

import footage.jobs.cli.CommandHandler;
import footage.jobs.partition.NodeRole;
import footage.jobs.runs.JobRunRefused;
import footage.jobs.runs.JobRuns;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code footage serve}: runs the schedules (and the web endpoints) until SIGTERM/SIGINT. On the way down the
 * running jobs stop at a chunk boundary ({@link JobRuns#stopOwnJobs()}) and are left STOPPED, restartable.
 */
@Component
class ServeCommand implements CommandHandler {

    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    private final Schedules schedules;
    private final JobRuns runs;
    private final ApplicationContext context;
    private final CountDownLatch closed = new CountDownLatch(1);

    ServeCommand(Schedules schedules, JobRuns runs, ApplicationContext context) {
        this.schedules = schedules;
        this.runs = runs;
        this.context = context;
    }

    @Override
    public String command() {
        return "serve";
    }

    @Override
    public int run(Invocation invocation, PrintStream out, PrintStream err) {
        // a worker only runs the partitions the manager sends it: the schedules and restarts are the manager's
        NodeRole role = NodeRole.of(context.getEnvironment());
        // recovered executions are claimed before the schedules start: a firing due at once (missed while no serve
        // ran) must not take the job from under the restart, which would leave the recovered execution never restarted
        if (role != NodeRole.WORKER && runs.restartRecovered()) {
            for (long id : runs.recovered()) {
                try {
                    log.info("restarting recovered execution {}", id);
                    runs.restartInBackground(id);
                } catch (JobRunRefused e) {
                    log.info("recovered execution {} not restarted: {}", id, e.getMessage());
                }
            }
        }
        if (role != NodeRole.WORKER) {
            try {
                schedules.start();
            } catch (SchedulerException e) {
                err.println("footage: the schedules could not start: " + e.getMessage());
                return 1;
            }
        }
        String port = context instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? Integer.toString(web.getWebServer().getPort()) : "-";
        out.println("serve: running (port " + port + ")" + (role == NodeRole.ALL ? "" : " as " + role.label())
                + "; stop with SIGTERM or Ctrl-C");
        out.flush();
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    @EventListener(ContextClosedEvent.class)
    void onClose() {
        closed.countDown();
    }
}
