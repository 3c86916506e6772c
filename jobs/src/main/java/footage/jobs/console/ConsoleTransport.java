package footage.jobs.console;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTPS when {@code footage.console.tls.keystore} is set, and then the session cookie only over it. Runs after Spring
 * Boot's own {@code server.*} customizer (no order = last), so that it has the last word.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleTransport {

    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> consoleTls(ConsoleTlsProperties tls) {
        return factory -> {
            if (!tls.enabled()) {
                return;
            }
            Ssl ssl = new Ssl();
            ssl.setEnabled(true);
            ssl.setKeyStore(tls.keystore().toAbsolutePath().toUri().toString());
            ssl.setKeyStorePassword(tls.keystorePassword());
            ssl.setKeyStoreType(tls.keystoreType());
            ssl.setKeyAlias(tls.keyAlias());
            factory.setSsl(ssl);
            factory.getSettings().getSession().getCookie().setSecure(true);
        };
    }
}
