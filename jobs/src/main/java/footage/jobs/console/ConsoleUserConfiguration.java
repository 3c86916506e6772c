package footage.jobs.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** In every context: the first start of any command may have to create the administrator. */
@Configuration(proxyBeanMethods = false)
class ConsoleUserConfiguration {

    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
