package footage.jobs.catalog;

import picocli.CommandLine.Command;

/** {@code footage catalog list}: what the catalog holds. */
@Command(name = "catalog", description = "the catalog: list", subcommands = CatalogListCommand.class)
public final class CatalogCommand {
}
