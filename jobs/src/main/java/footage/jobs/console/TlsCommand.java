package footage.jobs.console;

import picocli.CommandLine.Command;

/** {@code footage tls init}: the console's HTTPS key and certificate. */
@Command(name = "tls", description = "the console's HTTPS keystore: init", subcommands = TlsInitCommand.class)
public final class TlsCommand {
}
