package footage.jobs.cli;

import footage.jobs.FootageCommand;
import footage.jobs.activity.ActivitiesCommand;
import footage.jobs.catalog.CatalogCommand;
import footage.jobs.console.TlsCommand;
import footage.jobs.continuity.ContinuityCommand;
import footage.jobs.continuity.ExplainCommand;
import footage.jobs.devices.DevicesCommand;
import footage.jobs.devices.OfficersCommand;
import footage.jobs.ingest.DemoCommand;
import footage.jobs.ingest.IngestCommand;
import footage.jobs.ingest.ProbeCommand;
import footage.jobs.export.ExportCommand;
import footage.jobs.fixity.FixityCommand;
import footage.jobs.verify.VerifyCommand;
import footage.jobs.report.ReportCommand;
import footage.jobs.retention.HoldCommand;
import footage.jobs.retention.RetentionCommand;
import footage.jobs.retention.SweepCommand;
import footage.jobs.runs.JobsCommand;
import footage.jobs.schedule.ServeCommand;
import footage.jobs.transcode.TranscodeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

import java.io.PrintStream;
import java.util.List;

/** Every command (docs/architecture.md §6), in the order the usage lists them, and how a command line picks one. */
@Command(name = "footage", synopsisSubcommandLabel = "COMMAND",
        description = "Body-camera footage: ingest, continuity, reports, integrity, retention.",
        footer = {"", "Global options, anywhere on the line: --home DIR (default ./var), any Spring property as --footage.x=y or --spring.x=y.",
                "Exit codes: 0 done, 1 the job failed or problems were found, 2 bad usage or configuration.",
                "'footage help COMMAND' or 'footage COMMAND --help' shows a command's options."})
final class Commands {

    /** In the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(DemoCommand.class, IngestCommand.class, ProbeCommand.class,
            ExplainCommand.class, ContinuityCommand.class, ActivitiesCommand.class, DevicesCommand.class, OfficersCommand.class,
            CatalogCommand.class, ReportCommand.class, VerifyCommand.class, FixityCommand.class, ExportCommand.class,
            TranscodeCommand.class, RetentionCommand.class, HoldCommand.class, SweepCommand.class, JobsCommand.class,
            ServeCommand.class, TlsCommand.class, TestCommand.class, HelpCommand.class);

    /** What a command line asks for: a command to run (and its name), or only an exit code (help shown, or bad usage). */
    record Parsed(FootageCommand command, String name, int exitCode) {

        static Parsed exit(int code) {
            return new Parsed(null, null, code);
        }
    }

    static Parsed parse(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("footage: no command given (see 'footage help')");
            return Parsed.exit(2);
        }
        CommandLine root = tree(args[0]);
        CommandLine.ParseResult result;
        try {
            result = root.parseArgs(args);
        } catch (CommandLine.UnmatchedArgumentException e) {
            CommandLine where = e.getCommandLine();
            boolean group = !where.getSubcommands().isEmpty() && !(where.getCommand() instanceof FootageCommand);
            String said = group ? "unknown command '" + (name(where).isEmpty() ? "" : name(where) + " ") + e.getUnmatched().get(0) + "'"
                    : e.getMessage().lines().findFirst().orElse("");
            err.println("footage: " + said + " (see 'footage help" + name(where).transform(n -> n.isEmpty() ? "" : " " + n) + "')");
            return Parsed.exit(2);
        } catch (ParameterException e) {
            err.println("footage: " + e.getMessage().lines().findFirst().orElse("").replaceFirst("^Error: ", "") + " (see 'footage help" + name(e.getCommandLine())
                    .transform(n -> n.isEmpty() ? "" : " " + n) + "')");
            return Parsed.exit(2);
        }
        List<CommandLine> chain = result.asCommandLineList();
        for (CommandLine line : chain) {
            if (line.isUsageHelpRequested()) {
                line.usage(out);
                return Parsed.exit(0);
            }
        }
        CommandLine leaf = chain.get(chain.size() - 1);
        Object command = leaf.getCommand();
        if (command instanceof HelpCommand help) {
            return Parsed.exit(help.show(root, out, err));
        }
        if (command instanceof FootageCommand footage) {
            return new Parsed(footage, name(leaf), 0);
        }
        err.println("footage: " + name(leaf) + " needs a sub-command: " + String.join(" | ", leaf.getSubcommands().keySet())
                + " (see 'footage help " + name(leaf) + "')");
        return Parsed.exit(2);
    }

    /**
     * The command tree, with only the named command under the root when there is one by that name: picocli reads
     * the annotations of every command in a tree when it builds it, and a command needs only its own. Anything else
     * (help, a mistyped name) gets the whole tree, for the listing and the message.
     */
    static CommandLine tree(String first) {
        CommandLine root = new CommandLine(new Commands());
        List<Class<?>> named = COMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(first)).toList();
        for (Class<?> command : named.isEmpty() || named.get(0) == HelpCommand.class ? COMMANDS : named) {
            root.addSubcommand(command);
        }
        root.setCaseInsensitiveEnumValuesAllowed(true);
        addHelpOption(root);
        return root;
    }

    /** Every command answers --help, without each declaring it. */
    private static void addHelpOption(CommandLine line) {
        line.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("show this help").build());
        line.getSubcommands().values().forEach(Commands::addHelpOption);
    }

    /** "hold set", "ingest"; "" for the root. */
    static String name(CommandLine line) {
        String qualified = line.getCommandSpec().qualifiedName();
        return qualified.equals("footage") ? "" : qualified.substring("footage ".length());
    }
}
