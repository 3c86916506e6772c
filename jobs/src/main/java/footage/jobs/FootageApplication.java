package footage.jobs;

import footage.jobs.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FootageApplication {

    public static void main(String[] args) {
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
