package footage.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The application context of every command; the process starts in {@code footage.jobs.cli.Cli}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FootageApplication {
}
