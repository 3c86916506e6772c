package footage.jobs;

/** The catalog lacks migrations this build has: a command needs the whole application, whose Flyway applies them. */
public final class CatalogNotCurrent extends SlimContextRefused {

    CatalogNotCurrent(String message) {
        super(message);
    }
}
