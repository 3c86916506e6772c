package footage.jobs.console;

import footage.jobs.ledger.Ledger;
import org.springframework.context.annotation.Import;

/**
 * Added by the command line's entry point to the slim context of a command that asks whether its person is an
 * administrator ({@code retention set}: a PERMANENT recording made STANDARD): the console's users answer that
 * ({@link ConsoleRoles}). No web server, security filter chain or session: only the users' table and its encoder.
 */
@Import({ConsoleRoles.class, ConsoleUsers.class, ConsoleUserConfiguration.class, Ledger.class})
public class ConsoleRolesContext {
}
