package footage.jobs;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lets a {@link CatalogContext} start only on a catalog that has every migration of this build, without starting
 * Flyway (its set-up and validation are part of what the catalog context leaves out): the versions of the
 * {@code V*.sql} files under {@code spring.flyway.locations} must all be in Flyway's history as applied. Anything else — no history
 * yet, a missing or failed migration, a location this check cannot read — is {@link CatalogNotCurrent}, and the
 * command runs in the whole application instead.
 */
class CatalogSchema implements InitializingBean {

    private final JdbcClient jdbc;
    private final Environment environment;

    CatalogSchema(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        Set<String> wanted = migrationVersions();
        String table = environment.getProperty("spring.flyway.table", "flyway_schema_history");
        Set<String> applied;
        try {
            applied = new HashSet<>(jdbc.sql("SELECT \"version\" FROM \"" + table + "\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")
                    .query(String.class).list());
        } catch (DataAccessException e) {
            throw new CatalogNotCurrent("the catalog has no migration history yet");
        }
        Set<String> missing = new TreeSet<>(wanted);
        missing.removeAll(applied);
        if (!missing.isEmpty()) {
            throw new CatalogNotCurrent("the catalog lacks migrations " + missing);
        }
    }

    private Set<String> migrationVersions() {
        String vendor = DatabaseDriver.fromJdbcUrl(environment.getProperty("spring.datasource.url")).getId();
        String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> versions = new HashSet<>();
        for (String location : locations.split(",")) {
            String base = location.strip().replace("{vendor}", vendor);
            if (base.startsWith("filesystem:")) {
                base = "file:" + base.substring("filesystem:".length());
            } else {
                // every class path root, as Flyway scans them
                base = "classpath*:" + (base.startsWith("classpath:") ? base.substring("classpath:".length()) : base);
            }
            try {
                Arrays.stream(resolver.getResources(base + "/**/V*__*.sql"))
                        .map(Resource::getFilename)
                        .forEach(name -> versions.add(name.substring(1, name.indexOf("__")).replace('_', '.')));
            } catch (IOException e) {
                throw new CatalogNotCurrent("the migrations under " + base + " cannot be listed: " + e.getMessage());
            }
        }
        if (versions.isEmpty()) {
            throw new CatalogNotCurrent("no migrations found under " + locations);
        }
        return versions;
    }
}
