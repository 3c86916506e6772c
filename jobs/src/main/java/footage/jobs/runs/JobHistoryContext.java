package footage.jobs.runs;

import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/**
 * Added to a catalog context by the commands that show job history: the job repository on its own, read through
 * {@link JobHistory}, without the jobs, their steps or an operator.
 */
@Import(JobHistory.class)
class JobHistoryContext {

    @Bean
    JdbcJobRepositoryFactoryBean jobRepository(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactionManager);
        return factory;
    }
}
