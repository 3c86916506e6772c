package footage.jobs;

import footage.jobs.cli.Cli;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FootageApplication {

    public static void main(String[] args) {
        // the embedded catalog's mixed-mode server (AUTO_SERVER) is for the processes on this machine only; read by H2
        // once, when its classes load, so before anything touches the database
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        System.exit(new Cli(System.out, System.err).run(args));
    }
}
