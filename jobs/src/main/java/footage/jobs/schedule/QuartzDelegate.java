package footage.jobs.schedule;

import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.Properties;

/** Quartz needs PostgreSQL's delegate for its BYTEA columns; the catalog database decides, not a profile. */
@Component
class QuartzDelegate implements SchedulerFactoryBeanCustomizer {

    private final DataSource dataSource;
    private final org.springframework.boot.quartz.autoconfigure.QuartzProperties quartz;

    QuartzDelegate(DataSource dataSource, org.springframework.boot.quartz.autoconfigure.QuartzProperties quartz) {
        this.dataSource = dataSource;
        this.quartz = quartz;
    }

    @Override
    public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
        String product;
        try {
            product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the schedules use: " + e.getMessage(), e);
        }
        Properties p = new Properties();
        p.putAll(quartz.getProperties());
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        }
        factory.setQuartzProperties(p);
    }
}
