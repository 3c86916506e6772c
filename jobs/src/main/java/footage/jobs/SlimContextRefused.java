package footage.jobs;

/**
 * A command's own slim context ({@link FootageCommand#catalogContext()}) cannot serve this run: the command starts in
 * the whole application instead (a catalog without this build's migrations, a cluster role).
 */
public class SlimContextRefused extends RuntimeException {

    public SlimContextRefused(String message) {
        super(message);
    }
}
