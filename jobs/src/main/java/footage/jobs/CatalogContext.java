package footage.jobs;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/**
 * The context of a command that only works on the catalog ({@link FootageCommand#catalogContext()}): the
 * configuration, the data source, JDBC, transactions and the JSON mapper, and nothing else — no jobs, Quartz, web
 * server, console, RabbitMQ, security or metrics, which are most of a whole application's start-up. It runs on a
 * catalog that is already up to date only ({@link CatalogSchema}); on a new or older one the command starts in the
 * whole application, whose Flyway migrates it.
 * <p>
 * The data source, JDBC and transaction beans are declared here, as Boot's auto-configurations would make them for
 * this application (Hikari from {@code spring.datasource.*}), rather than imported: evaluating those
 * auto-configurations' conditions took about a tenth of such a command's start-up CPU. The two it does use are plain
 * imports: {@code @ImportAutoConfiguration} would sort them with the auto-configuration metadata of every jar on the
 * class path (BENCHMARKS.md §11, Step 4); their conditions hold all the same.
 * <p>
 * Deliberately neither {@code @Configuration} nor {@code @SpringBootConfiguration}: the whole application's
 * component scan must not pick it up, and tests must keep finding one boot configuration.
 */
@EnableConfigurationProperties({FootageProperties.class, DataSourceProperties.class})
@EnableTransactionManagement(proxyTargetClass = true)
@Import({PropertyPlaceholderAutoConfiguration.class, MessageSourceAutoConfiguration.class, CatalogSchema.class, JsonConfiguration.class,
        EmbeddedCatalog.class, PrivateFolders.class})
public class CatalogContext {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties) {
        return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean
    JdbcClient jdbcClient(JdbcTemplate jdbcTemplate) {
        return JdbcClient.create(jdbcTemplate);
    }

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(JdbcTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
