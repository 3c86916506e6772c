package footage.jobs.cli;

import footage.jobs.CatalogContext;
import footage.jobs.CatalogNotCurrent;
import footage.jobs.FootageApplication;
import footage.jobs.FootageCommand;
import footage.jobs.SlimContextRefused;
import footage.jobs.runs.JobHistory;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The slim contexts of the commands: everything but serve builds only what it needs (issue 17, point 2). */
class CatalogContextsTests {

    /** Commands that stop or abandon an execution: Batch's operator, but no job. */
    private static final Set<String> OPERATE_ON_EXECUTIONS = Set.of("JobsStopCommand", "JobsAbandonCommand");

    @TempDir
    static Path tmp;

    private static Path home;

    @BeforeAll
    static void anExistingHome() throws Exception {
        home = tmp.resolve("home");
        Files.createDirectories(home.resolve("drop"));
        // an ingest of an empty drop: the whole application migrates the catalog and leaves one job execution
        assertThat(CliRun.of("--home", home.toString(), "ingest").code()).isZero();
    }

    @Test
    void everyCatalogContextStartsWithWhatItsCommandNeedsAndNoneOfTheService() {
        // given every command that declares a catalog context
        List<FootageCommand> slim = new ArrayList<>();
        collect(Commands.tree("help"), slim);
        assertThat(slim).extracting(c -> c.getClass().getSimpleName())
                .contains("JobsListCommand", "JobsShowCommand", "CatalogListCommand", "ReportGapsCommand", "ExplainCommand",
                        "HoldSetCommand", "ExportCommand", "VerifyCommand", "FixityCommand", "TranscodeCommand", "SweepCommand");

        for (FootageCommand command : slim) {
            // when its context starts on an existing home
            try (ConfigurableApplicationContext context = new SpringApplication(Cli.slimContext(command).toArray(Class<?>[]::new))
                    .run("--footage.home=" + home)) {
                // then the command's fields are all there, and nothing of jobs, schedules, console, cluster or migrations is
                context.getAutowireCapableBeanFactory().autowireBean(command);
                String name = command.getClass().getSimpleName();
                assertThat(context).as(name).isNotInstanceOf(WebServerApplicationContext.class);
                // a command that runs a job has that job and an operator (IngestContextTests), one that stops or abandons
                // an execution the operator, a read command neither
                List<Class<?>> absents = context.getBeanNamesForType(Job.class).length > 0 || OPERATE_ON_EXECUTIONS.contains(name)
                        ? List.of(Scheduler.class, ConnectionFactory.class, SecurityFilterChain.class, Flyway.class)
                        : List.of(Job.class, JobOperator.class, Scheduler.class, ConnectionFactory.class, SecurityFilterChain.class, Flyway.class);
                if (command.restartsAnyJob()) {
                    // every job of the command line: all but the console's request export, which only serve has
                    assertThat(context.getBeanNamesForType(Job.class)).as(name + "'s jobs")
                            .containsExactlyInAnyOrderElementsOf(JobHistory.JOB_NAMES.stream().filter(j -> !j.equals("requestExportJob")).toList());
                } else {
                    assertThat(context.getBeanNamesForType(Job.class).length).as(name + " runs at most its own job").isLessThanOrEqualTo(1);
                }
                for (Class<?> absent : absents) {
                    assertThat(context.getBeanNamesForType(absent)).as(name + " has a " + absent.getSimpleName()).isEmpty();
                }
            }
        }
    }

    @Test
    void onlyServeAndDemoStartTheWholeApplication() {
        // given every command that starts a context
        List<String> whole = new ArrayList<>();
        collectWhole(Commands.tree("help"), whole);

        // then only these run in the whole application: serve is it; demo always makes a new home, which the whole
        // application's migrations create
        assertThat(whole).containsExactlyInAnyOrder("ServeCommand", "DemoCommand");
    }

    @Test
    void jobsListAndShowSayTheSameInTheSlimContextAsInTheWholeApplication() {
        // when
        CliRun slimList = CliRun.of("--home", home.toString(), "jobs", "list");
        CliRun slimShow = CliRun.of("--home", home.toString(), "jobs", "show", "1");
        CliRun whole;
        CliRun wholeShow;
        try (ConfigurableApplicationContext context = new SpringApplication(FootageApplication.class).run("--footage.home=" + home)) {
            whole = CliRun.in(context, "jobs", "list");
            wholeShow = CliRun.in(context, "jobs", "show", "1");
        }

        // then
        assertThat(slimList.code()).as(slimList.err()).isZero();
        assertThat(slimList.out()).contains("ingestJob").isEqualTo(whole.out());
        assertThat(slimShow.code()).as(slimShow.err()).isZero();
        assertThat(slimShow.out()).contains("execution 1 of ingestJob").isEqualTo(wholeShow.out());
    }

    @Test
    void theJobNamesTheHistoryKnowsAreTheApplicationsJobs() {
        // given the jobs of a one-shot command's application, and the console's export job, which only serve has
        Set<String> jobs;
        try (ConfigurableApplicationContext context = new SpringApplication(FootageApplication.class).run("--footage.home=" + home)) {
            jobs = new TreeSet<>(context.getBeansOfType(Job.class).keySet());
        }
        jobs.add("requestExportJob");

        // then
        assertThat(JobHistory.JOB_NAMES).containsExactlyInAnyOrderElementsOf(jobs);
    }

    @Test
    void aReadCommandOnAnExistingHomeIsNotStoppedByTheServicesConfiguration() {
        // when the broker's port is nonsense, which only the cluster roles of serve use
        CliRun list = CliRun.of("--home", home.toString(), "--spring.rabbitmq.port=not-a-port", "jobs", "list");

        // then
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("ingestJob");
    }

    @Test
    void aClusterRoleSendsTheCommandsThatRunJobsToTheWholeApplication() {
        // given every command whose context holds a job
        for (String[] words : List.of(new String[] {"ingest"}, new String[] {"fixity"}, new String[] {"transcode"},
                new String[] {"jobs", "restart", "1"})) {
            CommandLine line = Commands.tree("help");
            for (String word : words.length > 1 ? List.of(words[0], words[1]) : List.of(words[0])) {
                line = line.getSubcommands().get(word);
            }
            FootageCommand command = (FootageCommand) line.getCommand();
            for (String role : List.of("manager", "worker")) {
                // when its slim context starts in a cluster's manager or worker
                SpringApplication slim = new SpringApplication(Cli.slimContext(command).toArray(Class<?>[]::new));
                // then it refuses: the cluster's steps are the whole application's
                assertThatThrownBy(() -> slim.run("--footage.home=" + home, "--footage.role=" + role).close())
                        .as(String.join(" ", words) + " as " + role).hasRootCauseInstanceOf(SlimContextRefused.class);
            }
        }
    }

    @Test
    void aCatalogWithoutEveryMigrationOfThisBuildIsNotCurrent() throws Exception {
        // given a build with one migration more than the catalog has
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Files.writeString(extra.resolve("V999__later.sql"), "CREATE TABLE later (id INT);\n");

        // when / then
        assertThatThrownBy(() -> new SpringApplication(CatalogContext.class)
                .run("--footage.home=" + home, "--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor},filesystem:" + extra)
                .close())
                .hasRootCauseInstanceOf(CatalogNotCurrent.class)
                .rootCause().hasMessageContaining("[999]");
    }

    @Test
    void aNewHomeIsMigratedByTheWholeApplicationAndThenReadInTheSlimOne() {
        // given
        Path fresh = tmp.resolve("fresh");

        // when the slim context is tried first on it
        // then it refuses, and the command still works (the whole application creates the catalog)
        assertThatThrownBy(() -> new SpringApplication(CatalogContext.class).run("--footage.home=" + fresh).close())
                .hasRootCauseInstanceOf(CatalogNotCurrent.class);
        CliRun first = CliRun.of("--home", fresh.toString(), "catalog", "list");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("ID ");
        new SpringApplication(CatalogContext.class).run("--footage.home=" + fresh).close();
    }

    private static void collectWhole(CommandLine line, List<String> whole) {
        if (line.getCommand() instanceof FootageCommand command && command.needsContext() && command.catalogContext().isEmpty()) {
            whole.add(command.getClass().getSimpleName());
        }
        line.getSubcommands().values().forEach(sub -> collectWhole(sub, whole));
    }

    private static void collect(CommandLine line, List<FootageCommand> slim) {
        if (line.getCommand() instanceof FootageCommand command && !command.catalogContext().isEmpty()) {
            slim.add(command);
        }
        line.getSubcommands().values().forEach(sub -> collect(sub, slim));
    }
}
